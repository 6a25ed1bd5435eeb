import { describe, expect, it } from 'vitest';
import { sniffImageType } from './sniff.js';
import { tinyJpeg, tinyPng, tinyWebp } from './testing/images.js';

const text = (value: string) => new TextEncoder().encode(value);

describe('sniffImageType', () => {
  it('recognises PNG, JPEG and WebP by their magic bytes', () => {
    expect(sniffImageType(tinyPng())).toBe('image/png');
    expect(sniffImageType(tinyJpeg())).toBe('image/jpeg');
    expect(sniffImageType(tinyWebp())).toBe('image/webp');
  });

  it('recognises SVG after a BOM, XML prolog, comments and whitespace', () => {
    expect(sniffImageType(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('image/svg+xml');
    expect(sniffImageType(text('\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- by a tool -->\n  <svg>\n</svg>'))).toBe('image/svg+xml');
    expect(sniffImageType(text('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd" [<!ENTITY a "b">]><svg></svg>'))).toBe('image/svg+xml');
  });

  it('does not take other text or binary for an image', () => {
    expect(sniffImageType(text('<html><svg></svg></html>'))).toBeNull();
    expect(sniffImageType(text('hello <svg>'))).toBeNull();
    expect(sniffImageType(text('<svgfoo>'))).toBeNull();
    expect(sniffImageType(text('<!-- never closed <svg>'))).toBeNull();
    expect(sniffImageType(text('GIF89a....'))).toBeNull();
    expect(sniffImageType(text('%PDF-1.7'))).toBeNull();
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffImageType(text('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });

  it('stays linear on a long run of comments', () => {
    const hostile = text(`${'<!---->'.repeat(20_000)}<svg/>`);
    const started = performance.now();
    expect(sniffImageType(hostile)).toBeNull(); // the preamble is longer than the 64 KiB allowed
    expect(performance.now() - started).toBeLessThan(500);
  });
});
