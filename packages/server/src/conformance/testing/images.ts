/** A 1×1 opaque PNG: the smallest image every upload endpoint accepts. */
export const onePixelPng = {
  bytes: new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNwcHAAAAGEAMGDX2mUAAAAAElFTkSuQmCC', 'base64')),
  contentType: 'image/png',
};
