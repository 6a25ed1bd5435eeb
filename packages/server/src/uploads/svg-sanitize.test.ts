import { describe, expect, it } from 'vitest';
import { isSafeCss, sanitizeSvg, SvgRejectedError } from './svg-sanitize.js';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const clean = (svg: string) => sanitizeSvg(svg).svg;

/** Whatever comes out must be free of these, whatever went in. */
function expectInert(svg: string) {
  const lower = svg.toLowerCase();
  expect(lower).not.toMatch(/<script|<foreignobject|<iframe|<object|<embed|<image|<animate|<set\b|<a\b/);
  expect(lower).not.toMatch(/\son[a-z]+\s*=/);
  expect(lower).not.toContain('javascript:');
  expect(lower).not.toMatch(/href="(?!#)/);
  expect(lower).not.toMatch(/url\((?!#|'#|"#)/);
  expect(lower).not.toContain('@import');
  expect(lower).not.toContain('<!');
  expect(lower).not.toContain('<?');
}

describe('sanitizeSvg keeps ordinary logos intact', () => {
  it('passes shapes, gradients, text and local references through', () => {
    const logo =
      `<?xml version="1.0" encoding="UTF-8"?>\n<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 40" width="120" height="40">` +
      '<defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#1d4ed8"/><stop offset="1" stop-color="#0f766e"/></linearGradient>' +
      '<path id="p" d="M0 0h10v10z"/></defs>' +
      '<rect width="120" height="40" rx="6" fill="url(#g)"/>' +
      '<use xlink:href="#p" transform="translate(5 5) scale(2)"/>' +
      '<text x="60" y="26" font-family="\'Inter\', sans-serif" text-anchor="middle" fill="rgb(255, 255, 255)">Acme &amp; Co</text>' +
      '<style>.a { fill: #fff } .b:not(.c) { stroke: url(#g) }</style>' +
      '</svg>';
    const { svg, removed } = sanitizeSvg(logo);
    expect(removed).toEqual([]);
    expect(svg).toBe(
      `<svg ${NS} viewBox="0 0 120 40" width="120" height="40">` +
        '<defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#1d4ed8"/><stop offset="1" stop-color="#0f766e"/></linearGradient>' +
        '<path id="p" d="M0 0h10v10z"/></defs>' +
        '<rect width="120" height="40" rx="6" fill="url(#g)"/>' +
        '<use href="#p" transform="translate(5 5) scale(2)"/>' +
        '<text x="60" y="26" font-family="\'Inter\', sans-serif" text-anchor="middle" fill="rgb(255, 255, 255)">Acme &amp; Co</text>' +
        '<style>.a { fill: #fff } .b:not(.c) { stroke: url(#g) }</style>' +
        '</svg>',
    );
  });

  it('adds the SVG namespace when missing and accepts a BOM and bytes', () => {
    expect(clean('\ufeff<svg><circle r="1"/></svg>')).toBe(`<svg ${NS}><circle r="1"/></svg>`);
    expect(sanitizeSvg(new TextEncoder().encode('<svg/>')).svg).toBe(`<svg ${NS}/>`);
  });

  it('re-escapes decoded text and attribute values', () => {
    expect(clean('<svg><title>a &lt;b&gt; &#x263A;</title><g aria-label="&quot;q&quot; (x)"/></svg>')).toBe(
      `<svg ${NS}><title>a &lt;b&gt; ☺</title><g aria-label="&quot;q&quot; (x)"/></svg>`,
    );
    expect(clean('<svg><style><![CDATA[ .a>.b { fill: red } ]]></style></svg>')).toBe(`<svg ${NS}><style> .a&gt;.b { fill: red } </style></svg>`);
  });
});

describe('sanitizeSvg removes hostile content', () => {
  const cases: [string, string][] = [
    ['script element', `<svg ${NS}><script>alert(1)</script><rect/></svg>`],
    ['script in upper case', `<svg ${NS}><SCRIPT>alert(1)</SCRIPT><rect/></svg>`],
    ['namespaced script', `<svg ${NS} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script><rect/></svg>`],
    ['script with CDATA', `<svg ${NS}><script><![CDATA[ if (a < b && c) alert(1) ]]></script><rect/></svg>`],
    ['foreignObject with HTML', `<svg ${NS}><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"></iframe></foreignObject><rect/></svg>`],
    ['onload on the root', `<svg ${NS} onload="alert(1)"><rect/></svg>`],
    ['ONLOAD in capitals', `<svg ${NS} ONLOAD="alert(1)"><rect/></svg>`],
    ['event handler with whitespace around =', `<svg ${NS}><rect onclick \n = \t "alert(1)"/></svg>`],
    ['javascript: href on use', `<svg ${NS}><use href="javascript:alert(1)"/><rect/></svg>`],
    ['entity-encoded javascript:', `<svg ${NS}><a href="&#106;avascript&#x3A;alert(1)"><rect/></a><use xlink:href="&#x6A;&#x61;vascript:alert(1)"/></svg>`],
    ['javascript: split by tab and newline', `<svg ${NS}><rect fill="java&#9;scr&#10;ipt:alert(1)"/></svg>`],
    ['external use reference', `<svg ${NS}><use href="https://evil.example/sprite.svg#icon"/><rect/></svg>`],
    ['external xlink:href on a gradient', `<svg ${NS}><linearGradient xlink:href="//evil.example/g.svg#x"/><rect/></svg>`],
    ['data: href', `<svg ${NS}><use href="data:image/svg+xml;base64,PHN2Zz4="/><rect/></svg>`],
    ['image element', `<svg ${NS}><image href="https://evil.example/track.png"/><rect/></svg>`],
    ['animate setting href', `<svg ${NS}><a><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(1)"/></a><rect/></svg>`],
    ['external url() in fill', `<svg ${NS}><rect fill="url(https://evil.example/x.svg#g)"/></svg>`],
    ['external url() with quotes and spaces', `<svg ${NS}><rect filter=" URL( 'http://evil.example/f.svg#f' ) "/></svg>`],
    ['url() hidden by a CSS escape', `<svg ${NS}><rect style="fill: u\\72l(http://evil.example/x)"/></svg>`],
    ['style element with @import', `<svg ${NS}><style>@import url("https://evil.example/x.css"); .a{}</style><rect/></svg>`],
    ['style element with @IMPORT split by a comment', `<svg ${NS}><style>@IM/**/PORT "x.css";</style><rect/></svg>`],
    ['style element with external url()', `<svg ${NS}><style>.a { background: url(http://evil.example/beacon) }</style><rect/></svg>`],
    ['style attribute with external url()', `<svg ${NS}><rect style="fill:url(//evil.example/p)"/></svg>`],
    ['style attribute with expression()', `<svg ${NS}><rect style="width: expression(alert(1))"/></svg>`],
    ['style with image-set()', `<svg ${NS}><rect style="mask-image: image-set('https://evil.example/a.png' 1x)"/></svg>`],
    ['xml-stylesheet processing instruction', `<?xml-stylesheet href="https://evil.example/x.css"?><svg ${NS}><rect/></svg>`],
    ['processing instruction inside', `<svg ${NS}><?php echo 1 ?><rect/></svg>`],
    ['iframe', `<svg ${NS}><iframe src="https://evil.example"/><rect/></svg>`],
    ['nested svg with handler', `<svg ${NS}><svg onload="alert(1)"><rect/></svg></svg>`],
    ['handler on an allowed element inside a dropped one', `<svg ${NS}><foreignObject><rect onclick="x()"/></foreignObject><rect/></svg>`],
    ['unknown attribute carrying a URL', `<svg ${NS}><rect xml:base="https://evil.example/"/></svg>`],
    ['comment hiding markup', `<svg ${NS}><!-- <script>alert(1)</script> --><rect/></svg>`],
  ];

  it.each(cases)('%s', (_, input) => {
    const { svg, removed } = sanitizeSvg(input);
    expectInert(svg);
    expect(removed.length).toBeGreaterThan(0);
    expect(svg.startsWith(`<svg ${NS}`)).toBe(true);
  });

  it('says what it removed', () => {
    const { removed } = sanitizeSvg(`<svg ${NS} onload="x()"><script/><use href="http://e/x#y"/><rect style="fill:url(http://e)"/></svg>`);
    expect(removed).toEqual(expect.arrayContaining(['onload on <svg>', '<script>', '<use> with an external reference', 'style on <rect>']));
  });

  it('keeps the harmless parts around what it removes', () => {
    expect(clean(`<svg ${NS}><rect onclick="x()" width="4" fill="url(http://e/x)" stroke="red"/></svg>`)).toBe(`<svg ${NS}><rect width="4" stroke="red"/></svg>`);
  });
});

describe('sanitizeSvg refuses files it cannot trust', () => {
  const refused: [string, string | Uint8Array, RegExp][] = [
    ['DOCTYPE', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>', /DOCTYPE or ENTITY/],
    ['entity declarations (billion laughs)', '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><svg>&b;</svg>', /DOCTYPE or ENTITY/],
    ['lower-case doctype with spaces', '<! doctype svg><svg/>', /DOCTYPE or ENTITY/],
    ['an undeclared entity', '<svg><title>&xxe;</title></svg>', /unknown or invalid entity "&xxe;"/],
    ['a bare ampersand', '<svg><title>a & b</title></svg>', /bare "&"/],
    ['no svg root', '<html><svg/></html>', /<svg> root/],
    ['an empty file', '', /<svg> root/],
    ['a second root', '<svg/><svg/>', /after its root/],
    ['an unclosed element', '<svg><g></svg>', /unexpected <\/svg>/],
    ['a never-closed root', '<svg><g></g>', /never closed/],
    ['unquoted attributes', '<svg width=10/>', /must be quoted/],
    ['"<" inside an attribute', '<svg><rect id="a<b"/></svg>', /"<" in the value/],
    ['invalid UTF-8', new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0x3e, 0xff, 0x3c, 0x2f, 0x73, 0x76, 0x67, 0x3e]), /UTF-8/],
    ['a NUL character reference', '<svg><title>&#0;</title></svg>', /invalid entity/],
    ['other declarations', '<svg><![IGNORE[ x ]]></svg>', /markup declarations/],
  ];
  it.each(refused)('%s', (_, input, message) => {
    expect(() => sanitizeSvg(input)).toThrow(SvgRejectedError);
    expect(() => sanitizeSvg(input)).toThrow(message);
  });
});

describe('isSafeCss', () => {
  it('allows colours, transforms and local references', () => {
    expect(isSafeCss('fill: rgba(0, 0, 0, .5); transform: rotate(45deg) translateX(2px); clip-path: url(#c); mask: url("#m")')).toBe(true);
  });
  it('refuses fetching, scripting and escapes', () => {
    for (const css of ['url(x.png)', 'url( "https://e" )', "@import 'x'", '@font-face { src: local(x) }', 'expression(1)', 'behavior: url(#x)', 'a\\62 c', 'x /* unterminated', 'image("x.png")', 'element(#x)']) {
      expect(isSafeCss(css), css).toBe(false);
    }
  });
});
