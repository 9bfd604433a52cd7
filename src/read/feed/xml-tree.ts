// A small, safe XML element tree for feeds, on fast-xml-parser. Safety first: entity processing
// is off, so no DOCTYPE entity is ever expanded (no billion laughs, no external entities), and a
// document whose DOCTYPE declares entities is refused outright. The five predefined entities and
// character references are decoded here, in text outside CDATA sections and in attribute values.
// Names are resolved against their namespace declarations, so `<atom:feed>` and `<feed>` alike
// are the Atom feed element.
import { XMLParser } from 'fast-xml-parser';

/** An element: its namespace URI ('' for none), local name, attributes (by qualified name) and children in order. */
export interface XmlElement {
  ns: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** A child node: an element, or text (already decoded; CDATA sections are text too). */
export type XmlNode = XmlElement | string;

/** Why a document cannot be read as XML: one line, for an InputError. */
export class XmlRefused extends Error {}

// Prefixes feeds commonly use without declaring them; a declared prefix always wins.
const CONVENTIONAL_PREFIXES: Record<string, string> = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
};

// An internal DTD subset that declares an entity: the shape of every XML bomb and XXE attack.
const ENTITY_DECLARATION = /<!DOCTYPE[^>[]*\[[\s\S]*?<!ENTITY/i;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses an XML document into its root element; throws XmlRefused for malformed or unsafe XML. */
export function parseXml(xml: string): XmlElement {
  if (ENTITY_DECLARATION.test(xml.slice(0, 65536))) {
    throw new XmlRefused('declares XML entities in its DOCTYPE; refused (entity expansion is never done)');
  }
  let ordered: unknown;
  try {
    // `true` validates the whole document first, so malformed XML fails with its line and column.
    ordered = parser.parse(xml, true);
  } catch (error) {
    throw new XmlRefused(`not well-formed XML (${oneLine(error)})`);
  }
  const roots = toNodes(ordered, new Map(Object.entries(CONVENTIONAL_PREFIXES))).filter((n): n is XmlElement => typeof n !== 'string');
  const root = roots[0];
  if (!root) throw new XmlRefused('no root element');
  return root;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0]!.trim().replace(/\.?:(\d+):(\d+)$/, ' at line $1, column $2');
}

type Scope = Map<string, string>;

/** fast-xml-parser's ordered output (`[{ tag: [children], ':@': attrs }, { '#text': … }]`) to XmlNodes. */
function toNodes(ordered: unknown, scope: Scope): XmlNode[] {
  if (!Array.isArray(ordered)) return [];
  const out: XmlNode[] = [];
  for (const item of ordered as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@') continue;
      if (key === '#text') out.push(decodeXmlText(String(value)));
      else if (key === '#cdata') out.push(cdataText(value));
      else out.push(toElement(key, (item[':@'] ?? {}) as Record<string, unknown>, value, scope));
    }
  }
  return out;
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return (value as Record<string, unknown>[]).map((v) => String(v['#text'] ?? '')).join('');
}

function toElement(qname: string, rawAttrs: Record<string, unknown>, children: unknown, parentScope: Scope): XmlElement {
  const attrs: Record<string, string> = {};
  let scope = parentScope;
  for (const [name, value] of Object.entries(rawAttrs)) {
    const v = decodeXmlText(String(value));
    attrs[name] = v;
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      scope.set(name === 'xmlns' ? '' : name.slice(6), v);
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const local = colon === -1 ? qname : qname.slice(colon + 1);
  return { ns: scope.get(prefix) ?? '', local, attrs, children: toNodes(children, scope) };
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML's predefined entities and character references; any other `&name;` is left as written. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return PREDEFINED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** The element's child elements, optionally only those with this namespace and local name. */
export function childElements(el: XmlElement, ns?: string, local?: string): XmlElement[] {
  return el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (ns === undefined || c.ns === ns) && (local === undefined || c.local === local),
  );
}

/** The first child element with this namespace and local name, or undefined. */
export function childElement(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  return childElements(el, ns, local)[0];
}

/** All the text inside an element, in document order, as written (not trimmed). */
export function innerText(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : innerText(c))).join('');
}

/** The element's children serialised back to markup (for Atom `type="xhtml"` content). */
export function innerXml(el: XmlElement): string {
  return el.children.map(serialize).join('');
}

function serialize(node: XmlNode): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'))
    .map(([name, value]) => ` ${name}="${escapeXml(value).replace(/"/g, '&quot;')}"`)
    .join('');
  return `<${node.local}${attrs}>${node.children.map(serialize).join('')}</${node.local}>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
