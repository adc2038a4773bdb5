#!/usr/bin/env node
/*
 * Offline check of the add-in's XML manifest.
 *
 *   node scripts/validate-manifest.js                         # checks ./manifest.xml (npm run validate:manifest)
 *   node scripts/validate-manifest.js dist-web/manifest.xml --base-url https://lakip.example.go.id/
 *   options: --base-url URL   prefix every URL must start with (default https://localhost:3000/)
 *            --files images|all|none   which URLs must name a file under the manifest's folder
 *                              (default: images; all when --base-url is not the localhost default)
 *            --json           print the result as JSON
 *
 * Why rules and not XSD: no npm package ships the Office add-in manifest schemas
 * (office-addin-manifest, office-addin-validator, office-addin-manifest-converter and
 * office-addin-dev-settings were unpacked and searched: no .xsd, no schema text), and Office's
 * online validator cannot be reached from here. So this script encodes, in its own tables
 * below, the content models of the published schemas (OfficeAppManifestV1_1,
 * TaskPaneAppVersionOverridesV1_0, OfficeAppBasicTypesV1_0) for the elements a task-pane
 * add-in for Excel uses: child order and counts, required attributes, xsi:type choices,
 * string lengths (short 125, long 250, resource ids 32, URLs 2048), GUID, version and
 * culture-name patterns, permissions. On top of the schema it checks what the XSDs cannot:
 * every resid is defined in the right resource table, ids are unique, every icon list has
 * 16/32/80 px, every icon file exists in assets/ as a PNG of the size it is used at, every URL
 * is https and starts with the prefix the build rewrites, an en-US override exists for every
 * string, and the project's own needs (Excel only, ExcelApi 1.13).
 * Elements this project does not use (Dictionary, WebApplicationInfo, EquivalentAddins,
 * custom functions) are accepted in their place and reported as not checked.
 *
 * It also reads the manifest with office-addin-manifest's offline readManifestFile and prints
 * the id, version and name it sees. Its online `validate` is never called. Usage data of the
 * Office add-in tools is switched off first (see turnOffOfficeAddinUsageData).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { DOMParser } = require('@xmldom/xmldom');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_MANIFEST = path.join(ROOT, 'manifest.xml');
const DEFAULT_BASE_URL = 'https://localhost:3000/';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  ov11: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides/1.1',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xmlns: 'http://www.w3.org/2000/xmlns/',
};

// ---------------------------------------------------------------------------------------------
// Simple types (values of attributes and of text-only elements). Each returns an error message
// or null.

const UUID_RE =
  /^(?:(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const VERSION_RE = /^[0-9]{1,5}(?:\.[0-9]{1,5}){0,3}$/;
const SHORT_VERSION_RE = /^[0-9]{1,5}\.[0-9]{1,5}$/;
const CULTURE_RE =
  /^(?:[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(?:-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(?:-[a-zA-Z]{2,3}(?:_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;
const ALTERNATE_ID_RE = /^.{5,12}\\WA[0-9]{9}$/;
const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];
const ICON_SIZES_ALLOWED = [16, 20, 24, 32, 40, 48, 64, 80];
const ICON_SIZES_REQUIRED = [16, 32, 80];

const chars = (s) => [...s].length;
const lengthRule = (min, max, what) => (v) => {
  const n = chars(v);
  if (n < min) return `is empty (${what} needs ${min} to ${max} characters)`;
  if (n > max) return `is ${n} characters long; a ${what} may have at most ${max}`;
  return null;
};

const SIMPLE = {
  short: lengthRule(1, 125, 'short string'),
  long: lengthRule(1, 250, 'long string'),
  nonEmpty: (v) => (v.length ? null : 'is empty'),
  refId: lengthRule(1, 32, 'resource id'),
  url: lengthRule(1, 2048, 'URL'), // the https/prefix rules are checked separately, with context
  uuid: (v) => (UUID_RE.test(v) ? null : `"${v}" is not a GUID (like 6d298d13-ddf2-4fa1-b7a2-8b5a17d63c34)`),
  version: (v) => (VERSION_RE.test(v) ? null : `"${v}" is not a version of 1 to 4 numbers (like 1.0.0.0)`),
  shortVersion: (v) => (SHORT_VERSION_RE.test(v) ? null : `"${v}" is not a major.minor version (like 1.13)`),
  culture: (v) => (CULTURE_RE.test(v) ? null : `"${v}" is not a culture name (like id-ID or en-US)`),
  alternateId: (v) => (ALTERNATE_ID_RE.test(v) ? null : `"${v}" is not an Office Store alternate id`),
  permissions: (v) => (PERMISSIONS.includes(v) ? null : `"${v}" is not one of ${PERMISSIONS.join(', ')}`),
  lifetime: (v) => (v === 'short' || v === 'long' ? null : `"${v}" is not a runtime lifetime (short or long)`),
  integer: (v) => (/^[+-]?[0-9]+$/.test(v) ? null : `"${v}" is not an integer`),
};

// ---------------------------------------------------------------------------------------------
// Complex types: the content models, in schema order. A child entry is
//   [namespace key, local name, minOccurs, maxOccurs, type]
// and a wildcard (xs:any) is [namespace key, '*', min, max, null]. `attrs` maps attribute names
// to [required, simple type, url purpose?]. `text` makes the element text-only. `xsiType` lists
// the concrete types an abstract element may name with xsi:type.

const U = Infinity;
const overrideType = (valueType, purpose) => ({
  attrs: { Locale: [true, 'culture'], Value: [true, valueType, purpose] },
});
const setting = (overrideTypeName, valueType, purpose) => ({
  attrs: { DefaultValue: [true, valueType, purpose] },
  children: [['app', 'Override', 0, U, overrideTypeName]],
  localized: true,
});
const btResource = (overrideTypeName, valueType, purpose) => ({
  attrs: { id: [true, 'refId'], DefaultValue: [true, valueType, purpose] },
  children: [['bt', 'Override', 0, U, overrideTypeName]],
});
const ref = (kind, extraAttrs = {}) => ({ attrs: { resid: [true, 'refId'], ...extraAttrs }, ref: kind });
const textType = (simple) => ({ text: simple });
const idAttr = { id: [true, 'short'] };

const TYPES = {
  TaskPaneApp: {
    children: [
      ['app', 'Id', 1, 1, 'UUIDText'],
      ['app', 'AlternateId', 0, 1, 'AlternateIdText'],
      ['app', 'Version', 1, 1, 'VersionText'],
      ['app', 'ProviderName', 1, 1, 'ShortText'],
      ['app', 'DefaultLocale', 1, 1, 'CultureText'],
      ['app', 'DisplayName', 1, 1, 'ShortSetting'],
      ['app', 'Description', 1, 1, 'LongSetting'],
      ['app', 'IconUrl', 0, 1, 'IconUrlSetting'],
      ['app', 'HighResolutionIconUrl', 0, 1, 'HighResIconUrlSetting'],
      ['app', 'SupportUrl', 0, 1, 'PageUrlSetting'],
      ['app', 'AppDomains', 0, 1, 'AppDomains'],
      ['app', 'Hosts', 0, 1, 'AppHosts'],
      // TaskPaneApp's extension of OfficeApp:
      ['app', 'Requirements', 0, 1, 'AppRequirements'],
      ['app', 'DefaultSettings', 1, 1, 'TaskPaneAppSettings'],
      ['app', 'Permissions', 1, 1, 'PermissionsText'],
      ['app', 'Dictionary', 0, 1, 'Unchecked'],
      ['ov', 'VersionOverrides', 0, 1, 'VersionOverrides'],
      ['dsig', '*', 0, 1, null],
    ],
  },
  UUIDText: textType('uuid'),
  AlternateIdText: textType('alternateId'),
  VersionText: textType('version'),
  ShortText: textType('short'),
  LongText: textType('long'),
  CultureText: textType('culture'),
  PermissionsText: textType('permissions'),
  ShortSetting: setting('ShortOverride', 'short'),
  LongSetting: setting('LongOverride', 'long'),
  IconUrlSetting: { ...setting('IconUrlOverride', 'url', 'icon32'), localized: false },
  HighResIconUrlSetting: { ...setting('HighResIconUrlOverride', 'url', 'icon64'), localized: false },
  PageUrlSetting: { ...setting('PageUrlOverride', 'url', 'page'), localized: false },
  ShortOverride: overrideType('short'),
  LongOverride: overrideType('long'),
  IconUrlOverride: overrideType('url', 'icon32'),
  HighResIconUrlOverride: overrideType('url', 'icon64'),
  PageUrlOverride: overrideType('url', 'page'),
  AppDomains: { children: [['app', 'AppDomain', 1, U, 'LongText']] },
  AppHosts: { children: [['app', 'Host', 1, U, 'AppHost']] },
  AppHost: { attrs: { Name: [true, 'short'] } },
  AppRequirements: {
    children: [
      ['app', 'Sets', 0, 1, 'AppSets'],
      ['app', 'Methods', 0, 1, 'AppMethods'],
    ],
  },
  AppSets: { attrs: { DefaultMinVersion: [false, 'shortVersion'] }, children: [['app', 'Set', 1, U, 'VersionedSet']] },
  VersionedSet: { attrs: { Name: [true, 'short'], MinVersion: [false, 'shortVersion'] } },
  AppMethods: { children: [['app', 'Method', 1, U, 'AppMethod']] },
  AppMethod: { attrs: { Name: [true, 'long'] } },
  TaskPaneAppSettings: { children: [['app', 'SourceLocation', 1, 1, 'PageUrlSetting']] },

  // VersionOverrides 1.0 (task pane)
  VersionOverrides: { xsiType: { VersionOverridesV1_0: 'VersionOverridesV1_0' } },
  VersionOverridesV1_0: {
    children: [
      ['ov', 'Description', 0, 1, 'LongRef'],
      ['ov', 'Requirements', 0, 1, 'BtRequirements'],
      ['ov', 'Hosts', 0, 1, 'OvHosts'],
      ['ov', 'Resources', 0, 1, 'Resources'],
      ['ov', 'WebApplicationInfo', 0, 1, 'Unchecked'],
      ['ov', 'EquivalentAddins', 0, 1, 'Unchecked'],
      ['ov11', '*', 0, 1, null],
    ],
  },
  BtRequirements: { children: [['bt', 'Sets', 1, 1, 'BtSets']] },
  BtSets: { attrs: { DefaultMinVersion: [false, 'shortVersion'] }, children: [['bt', 'Set', 1, U, 'VersionedSet']] },
  OvHosts: { children: [['ov', 'Host', 1, U, 'OvHost']] },
  OvHost: {
    xsiType: { Workbook: 'OvHostWithDesktop', Document: 'OvHostWithDesktop', Presentation: 'OvHostWithDesktop', Notebook: 'OvHostWithDesktop' },
  },
  // Runtimes is newer than the published XSD copies (see scripts/validate-manifest-xsd.js); its
  // content model here is the one Microsoft documents for the shared runtime of task-pane add-ins.
  OvHostWithDesktop: {
    children: [
      ['ov', 'Runtimes', 0, 1, 'Runtimes'],
      ['ov', 'AllFormFactors', 0, 1, 'Unchecked'],
      ['ov', 'DesktopFormFactor', 0, 1, 'FormFactor'],
    ],
  },
  FormFactor: {
    children: [
      ['ov', 'GetStarted', 0, 1, 'GetStarted'],
      ['ov', 'FunctionFile', 0, 1, 'PageRef'],
      ['ov', 'ExtensionPoint', 1, U, 'ExtensionPoint'],
    ],
  },
  GetStarted: {
    children: [
      ['ov', 'Title', 1, 1, 'ShortRef'],
      ['ov', 'Description', 1, 1, 'LongRef'],
      ['ov', 'LearnMoreUrl', 1, 1, 'PageRef'],
    ],
  },
  ExtensionPoint: {
    xsiType: { PrimaryCommandSurface: 'CommandSurface', ContextMenu: 'ContextMenu', CustomFunctions: 'Unchecked' },
  },
  CommandSurface: {
    children: [
      ['ov', 'OfficeTab', 0, U, 'OfficeTab'],
      ['ov', 'CustomTab', 0, U, 'CustomTab'],
    ],
  },
  ContextMenu: { children: [['ov', 'OfficeMenu', 1, U, 'OfficeMenu']] },
  OfficeMenu: { attrs: idAttr, children: [['ov', 'Control', 1, U, 'Control']] },
  OfficeTab: { attrs: idAttr, children: [['ov', 'Group', 1, U, 'Group']] },
  CustomTab: {
    attrs: idAttr,
    children: [
      ['ov', 'Group', 1, U, 'Group'],
      ['ov', 'Label', 1, 1, 'ShortRef'],
    ],
  },
  Group: {
    attrs: idAttr,
    ids: 'group',
    children: [
      ['ov', 'Label', 1, 1, 'ShortRef'],
      ['ov', 'Icon', 1, 1, 'IconList'],
      ['ov', 'Control', 1, U, 'Control'],
    ],
  },
  Control: { xsiType: { Button: 'Button', Menu: 'Menu' } },
  Button: {
    attrs: idAttr,
    ids: 'control',
    children: [
      ['ov', 'Label', 1, 1, 'ShortRef'],
      ['ov', 'Supertip', 1, 1, 'Supertip'],
      ['ov', 'Icon', 1, 1, 'IconList'],
      ['ov', 'Action', 1, 1, 'Action'],
    ],
  },
  Menu: {
    attrs: idAttr,
    ids: 'control',
    children: [
      ['ov', 'Label', 1, 1, 'ShortRef'],
      ['ov', 'Supertip', 1, 1, 'Supertip'],
      ['ov', 'Icon', 1, 1, 'IconList'],
      ['ov', 'Items', 1, 1, 'MenuItems'],
    ],
  },
  MenuItems: { children: [['ov', 'Item', 1, U, 'MenuItem']] },
  MenuItem: {
    attrs: idAttr,
    ids: 'control',
    children: [
      ['ov', 'Label', 1, 1, 'ShortRef'],
      ['ov', 'Supertip', 1, 1, 'Supertip'],
      ['ov', 'Icon', 0, 1, 'IconList'],
      ['ov', 'Action', 1, 1, 'Action'],
    ],
  },
  Supertip: {
    children: [
      ['ov', 'Title', 1, 1, 'ShortRef'],
      ['ov', 'Description', 1, 1, 'LongRef'],
    ],
  },
  IconList: { iconList: true, children: [['bt', 'Image', 1, U, 'ImageRef']] },
  Action: { xsiType: { ExecuteFunction: 'ExecuteFunction', ShowTaskpane: 'ShowTaskpane' } },
  ExecuteFunction: { children: [['ov', 'FunctionName', 1, 1, 'LongText']] },
  ShowTaskpane: {
    children: [
      ['ov', 'TaskpaneId', 0, 1, 'ShortText'],
      ['ov', 'SourceLocation', 1, 1, 'PageRef'],
      ['ov', 'Title', 0, 1, 'ShortRef'],
    ],
  },
  ShortRef: ref('short'),
  LongRef: ref('long'),
  PageRef: ref('url'),
  Runtimes: { children: [['ov', 'Runtime', 1, U, 'Runtime']] },
  Runtime: ref('url', { lifetime: [false, 'lifetime'] }),
  ImageRef: ref('image', { size: [true, 'integer'] }),
  Resources: {
    children: [
      ['bt', 'Images', 0, 1, 'ImageResources'],
      ['bt', 'Urls', 0, 1, 'UrlResources'],
      ['bt', 'ShortStrings', 0, 1, 'ShortStringResources'],
      ['bt', 'LongStrings', 0, 1, 'LongStringResources'],
    ],
  },
  ImageResources: { resources: 'image', children: [['bt', 'Image', 0, U, 'ImageResource']] },
  UrlResources: { resources: 'url', children: [['bt', 'Url', 0, U, 'UrlResource']] },
  ShortStringResources: { resources: 'short', children: [['bt', 'String', 0, U, 'ShortResource']] },
  LongStringResources: { resources: 'long', children: [['bt', 'String', 0, U, 'LongResource']] },
  ImageResource: btResource('ImageOverride', 'url', 'image'),
  UrlResource: btResource('PageUrlBtOverride', 'url', 'page'),
  ShortResource: { ...btResource('ShortOverride', 'short'), localized: true },
  LongResource: { ...btResource('LongOverride', 'long'), localized: true },
  ImageOverride: overrideType('url', 'image'),
  PageUrlBtOverride: overrideType('url', 'page'),
  Unchecked: { unchecked: true },
};

const RESOURCE_TABLE = { short: 'bt:ShortStrings', long: 'bt:LongStrings', url: 'bt:Urls', image: 'bt:Images' };

// ---------------------------------------------------------------------------------------------

function nsKeyOf(el) {
  for (const [key, uri] of Object.entries(NS)) if (el.namespaceURI === uri) return key;
  return null;
}

function elementChildren(el) {
  const out = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n);
  return out;
}

/** Every descendant element named `name` in the VersionOverrides namespace. */
function all(el, name) {
  return [...el.getElementsByTagNameNS(NS.ov, name)];
}

function nonBlankText(el) {
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 || n.nodeType === 4) text += n.data;
  return text.trim();
}

function textOf(el) {
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 || n.nodeType === 4) text += n.data;
  return text;
}

const tag = (el) => `<${el.nodeName}>`;
const entryName = ([nsKey, local]) => (local === '*' ? `(any element in ${NS[nsKey]})` : nsKey === 'bt' ? `bt:${local}` : local);

function xsiTypeOf(el) {
  const v = el.getAttributeNS(NS.xsi, 'type');
  if (!v) return null;
  const i = v.indexOf(':');
  return i >= 0 ? v.slice(i + 1) : v;
}

/** Reads width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
function pngSize(bytes) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Validates manifest text. Returns { ok, errors, warnings, notes, info } where each issue is
 * { line, message }. Options: baseUrl, files ('images' | 'all' | 'none'), root (folder the
 * URLs' paths are looked up in), requiredLocales (default ['en-US']).
 */
function validateManifestText(xml, options = {}) {
  const baseUrl = options.baseUrl || DEFAULT_BASE_URL;
  const isDevBase = baseUrl === DEFAULT_BASE_URL;
  const files = options.files || (isDevBase ? 'images' : 'all');
  const root = options.root || ROOT;
  const requiredLocales = options.requiredLocales || ['en-US'];

  const errors = [];
  const warnings = [];
  const notes = [];
  const error = (node, message) => errors.push({ line: node && node.lineNumber, message });
  const warn = (node, message) => warnings.push({ line: node && node.lineNumber, message });

  // 1. Well-formed XML.
  let doc;
  let parseError = null;
  try {
    doc = new DOMParser({
      onError: (level, message, handler) => {
        if (level === 'warning') return;
        const at = handler && handler.locator;
        parseError = { line: at ? at.lineNumber : undefined, message: `not well-formed XML: ${message}` };
        throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    doc = undefined;
    errors.push(parseError || { line: undefined, message: `not well-formed XML: ${String((e && e.message) || e)}` });
    return finish();
  }
  const rootEl = doc.documentElement;
  if (!rootEl || rootEl.localName !== 'OfficeApp' || rootEl.namespaceURI !== NS.app) {
    error(rootEl, `the root element must be <OfficeApp xmlns="${NS.app}">`);
    return finish();
  }
  if (xsiTypeOf(rootEl) !== 'TaskPaneApp') {
    error(rootEl, `<OfficeApp> must have xsi:type="TaskPaneApp" (this is a task-pane add-in), not "${xsiTypeOf(rootEl) || ''}"`);
    return finish();
  }

  // Things gathered while walking, for the cross-checks.
  const refs = []; // { kind, resid, el }
  const resources = { short: new Map(), long: new Map(), url: new Map(), image: new Map() };
  const urls = []; // { value, purpose, el, attr }
  const localized = []; // { el, overrides: Map(locale -> value) }
  const ids = { group: new Map(), control: new Map() };
  const iconLists = [];
  const actions = [];

  // 2. The schema walk.
  function walk(el, typeName) {
    let spec = TYPES[typeName];
    if (spec.xsiType) {
      const t = xsiTypeOf(el);
      const choices = Object.keys(spec.xsiType);
      if (!t) {
        error(el, `${tag(el)} needs xsi:type (one of ${choices.join(', ')})`);
        return;
      }
      if (!spec.xsiType[t]) {
        error(el, `${tag(el)} has xsi:type="${t}"; expected one of ${choices.join(', ')}`);
        return;
      }
      if (el.localName === 'Action') actions.push({ el, type: t });
      spec = TYPES[spec.xsiType[t]];
    }
    if (spec.unchecked) {
      notes.push({ line: el.lineNumber, message: `${tag(el)} is allowed here but its content is not checked by this script` });
      return;
    }

    // Attributes.
    const attrs = spec.attrs || {};
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes[i];
      if (a.namespaceURI === NS.xmlns || a.name === 'xmlns' || a.namespaceURI === NS.xsi) continue;
      if (a.namespaceURI || !attrs[a.name]) {
        error(el, `${tag(el)} may not have the attribute ${a.name}`);
      }
    }
    for (const [name, [required, simple, purpose]] of Object.entries(attrs)) {
      if (!el.hasAttribute(name)) {
        if (required) error(el, `${tag(el)} is missing the required attribute ${name}`);
        continue;
      }
      const value = el.getAttribute(name);
      const problem = SIMPLE[simple](value);
      if (problem) error(el, `${tag(el)} ${name} ${problem}`);
      if (simple === 'url') urls.push({ value, purpose, el, attr: name });
    }

    // Text-only elements.
    if (spec.text) {
      if (elementChildren(el).length) error(el, `${tag(el)} must contain text only, not elements`);
      const value = textOf(el);
      if (value !== value.trim()) error(el, `${tag(el)} has spaces or line breaks around its value "${value.trim()}"`);
      const problem = SIMPLE[spec.text](value.trim());
      if (problem) error(el, `${tag(el)} ${problem}`);
      return;
    }
    if (nonBlankText(el)) error(el, `${tag(el)} may contain elements only, but has the text "${nonBlankText(el).slice(0, 40)}"`);

    if (spec.ref) refs.push({ kind: spec.ref, resid: el.getAttribute('resid'), el });
    if (spec.ids) {
      const id = el.getAttribute('id');
      const seen = ids[spec.ids].get(id);
      if (id && seen) error(el, `${spec.ids} id "${id}" is used twice (first at line ${seen.lineNumber}); ids must be unique`);
      else if (id) ids[spec.ids].set(id, el);
    }
    if (spec.iconList) iconLists.push(el);

    // Children: allowed, in order, counted.
    const seq = spec.children || [];
    const counts = seq.map(() => []);
    let last = -1;
    let lastEl = null;
    for (const child of elementChildren(el)) {
      const key = nsKeyOf(child);
      const idx = seq.findIndex(([k, local]) => k === key && (local === '*' || local === child.localName));
      if (idx < 0) {
        const sameName = seq.find(([, local]) => local === child.localName);
        const hint = sameName
          ? ` (an element named ${child.localName} is allowed here only in the namespace ${NS[sameName[0]]}; check the prefix)`
          : seq.length
            ? ` (allowed: ${seq.map(entryName).join(', ')})`
            : '';
        error(child, `${tag(child)} is not allowed inside ${tag(el)}${hint}`);
        continue;
      }
      if (idx < last) {
        const order = seq.map(entryName).join(', ');
        error(
          child,
          `${tag(child)} is out of order: it must come before ${tag(lastEl)} (line ${lastEl.lineNumber}) inside ${tag(el)}. ` +
            `The schema's order is: ${order}`,
        );
      } else {
        last = idx;
        lastEl = child;
      }
      counts[idx].push(child);
      const childType = seq[idx][4];
      if (childType) walk(child, childType);
    }
    seq.forEach(([, , min, max], i) => {
      const n = counts[i].length;
      if (n < min) error(el, `${tag(el)} is missing its required <${entryName(seq[i])}>`);
      if (n > max) error(counts[i][max], `<${entryName(seq[i])}> may appear at most ${max} time(s) inside ${tag(el)}; found ${n}`);
    });

    // Resource tables and localized strings.
    if (spec.resources) {
      const table = resources[spec.resources];
      for (const child of counts[0]) {
        const id = child.getAttribute('id');
        if (!id) continue;
        if (table.has(id)) error(child, `resource id "${id}" is defined twice in ${tag(el)} (first at line ${table.get(id).lineNumber})`);
        else table.set(id, child);
      }
    }
    if (spec.localized) {
      const overrides = new Map();
      for (const o of elementChildren(el)) {
        if (o.localName === 'Override' && o.hasAttribute('Locale')) overrides.set(o.getAttribute('Locale').toLowerCase(), o);
      }
      localized.push({ el, overrides });
    }
  }

  walk(rootEl, 'TaskPaneApp');

  // 3. Cross-checks the schema cannot express.
  const defaultLocale = textOf(elementChildren(rootEl).find((c) => c.localName === 'DefaultLocale') || rootEl).trim();

  // resid references
  const used = { short: new Set(), long: new Set(), url: new Set(), image: new Set() };
  const imageSizes = new Map(); // resid -> Set of sizes it is used at
  for (const { kind, resid, el } of refs) {
    if (!resid) continue;
    used[kind].add(resid);
    if (!resources[kind].has(resid)) {
      const elsewhere = Object.keys(resources).find((k) => k !== kind && resources[k].has(resid));
      const hint = elsewhere ? ` (an id "${resid}" exists in <${RESOURCE_TABLE[elsewhere]}>, the wrong kind of resource for ${tag(el)})` : '';
      error(el, `${tag(el)} resid="${resid}" is not defined in <${RESOURCE_TABLE[kind]}> inside <Resources>${hint}`);
    }
    if (kind === 'image' && el.hasAttribute('size')) {
      if (!imageSizes.has(resid)) imageSizes.set(resid, new Set());
      imageSizes.get(resid).add(Number(el.getAttribute('size')));
    }
  }
  for (const kind of Object.keys(resources)) {
    for (const [id, el] of resources[kind]) {
      if (!used[kind].has(id)) warn(el, `resource "${id}" in <${RESOURCE_TABLE[kind]}> is never used`);
    }
  }

  // icon lists: 16, 32 and 80 px, allowed sizes only, no size twice
  for (const list of iconLists) {
    const sizes = elementChildren(list)
      .filter((c) => c.localName === 'Image' && c.hasAttribute('size'))
      .map((c) => [Number(c.getAttribute('size')), c]);
    const seen = new Set();
    for (const [size, c] of sizes) {
      if (!ICON_SIZES_ALLOWED.includes(size)) error(c, `<bt:Image size="${size}">: icon sizes are ${ICON_SIZES_ALLOWED.join(', ')}`);
      if (seen.has(size)) error(c, `<bt:Image size="${size}"> is listed twice in this <Icon>`);
      seen.add(size);
    }
    const missing = ICON_SIZES_REQUIRED.filter((s) => !seen.has(s));
    if (missing.length) error(list, `${tag(list)} must list images of size ${ICON_SIZES_REQUIRED.join(', ')}; missing ${missing.join(', ')}`);
  }

  // URLs: https, the prefix the build rewrites, and (for images, or all with --files all) a file
  const isLocalhost = (u) => /^[a-z]+:\/\/(localhost|127\.0\.0\.1|\[::1\])(?::|\/|$)/i.test(u);
  for (const u of urls) {
    const where = `${tag(u.el)} ${u.attr}="${u.value}"`;
    if (!/^https:\/\//i.test(u.value)) {
      error(u.el, `${where}: every URL must use https://`);
      continue;
    }
    if (!u.value.startsWith(baseUrl)) {
      const why = isDevBase
        ? `every URL must start with exactly ${baseUrl} so that the production build can rewrite it`
        : `every URL must start with ${baseUrl} (the production address)`;
      error(u.el, `${where}: ${why}`);
      continue;
    }
    if (!isDevBase && isLocalhost(u.value)) error(u.el, `${where}: a production manifest may not point at localhost`);
    const rel = decodeURIComponent(u.value.slice(baseUrl.length).replace(/[?#].*$/, ''));
    const checkFile = files === 'all' || (files === 'images' && u.purpose !== 'page');
    if (!checkFile) continue;
    const file = path.join(root, rel);
    if (!rel || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      error(u.el, `${where}: there is no file ${path.relative(process.cwd(), file) || file} for this URL`);
      continue;
    }
    if (u.purpose === 'page') continue;
    const size = pngSize(fs.readFileSync(file));
    if (!size) {
      error(u.el, `${where}: ${rel} is not a PNG file`);
      continue;
    }
    const expected =
      u.purpose === 'icon32' ? [32] : u.purpose === 'icon64' ? [64] : [...(imageSizes.get(u.el.getAttribute('id')) || [])];
    for (const px of expected) {
      if (size.width !== px || size.height !== px) {
        error(u.el, `${where}: ${rel} is ${size.width}x${size.height} px but is used as a ${px}x${px} px icon`);
      }
    }
  }

  // en-US (or other required) overrides for every localizable string
  for (const { el, overrides } of localized) {
    for (const locale of requiredLocales) {
      if (locale.toLowerCase() === defaultLocale.toLowerCase()) continue;
      if (!overrides.has(locale.toLowerCase())) {
        const name = el.getAttribute('id') ? `${tag(el)} id="${el.getAttribute('id')}"` : tag(el);
        error(el, `${name} has no <${el.prefix ? el.prefix + ':' : ''}Override Locale="${locale}" .../>: every string needs its ${locale} text`);
      }
    }
    if (overrides.has(defaultLocale.toLowerCase())) {
      warn(overrides.get(defaultLocale.toLowerCase()), `override for the default locale ${defaultLocale} is redundant`);
    }
  }

  // ExecuteFunction needs a FunctionFile in the same form factor
  for (const { el, type } of actions) {
    if (type !== 'ExecuteFunction') continue;
    let ff = el.parentNode;
    while (ff && ff.localName !== 'DesktopFormFactor') ff = ff.parentNode;
    if (ff && !elementChildren(ff).some((c) => c.localName === 'FunctionFile')) {
      error(el, `<Action xsi:type="ExecuteFunction"> needs a <FunctionFile resid="..."/> in its <${ff.nodeName}>`);
    }
  }

  // A shared runtime only holds when the ribbon's function file and every pane it opens are the
  // runtime's own page, kept alive (lifetime long) so the check can outlive the button press.
  for (const runtimes of all(rootEl, 'Runtimes')) {
    const runtime = elementChildren(runtimes).find((c) => c.localName === 'Runtime');
    if (!runtime) continue;
    const page = runtime.getAttribute('resid');
    if (runtime.getAttribute('lifetime') !== 'long') error(runtime, 'project rule: the shared <Runtime> needs lifetime="long" (the check outlives the button press)');
    const host = runtimes.parentNode;
    for (const el of [...all(host, 'FunctionFile'), ...all(host, 'SourceLocation')]) {
      if (el.getAttribute('resid') !== page) {
        error(el, `project rule: ${tag(el)} resid="${el.getAttribute('resid')}" must be the shared runtime's page "${page}", or the pane and the ribbon run apart`);
      }
    }
  }

  // 4. This project's own requirements.
  const top = (name) => elementChildren(rootEl).find((c) => c.localName === name && c.namespaceURI === NS.app);
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements']) {
    if (!top(name)) error(rootEl, `project rule: <OfficeApp> must have <${name}>`);
  }
  const hosts = top('Hosts');
  if (hosts) {
    const names = elementChildren(hosts).map((h) => h.getAttribute('Name'));
    if (names.length !== 1 || names[0] !== 'Workbook') error(hosts, `project rule: <Hosts> must list exactly <Host Name="Workbook"/> (Excel), not ${names.join(', ')}`);
  }
  const req = top('Requirements');
  if (req) {
    const sets = elementChildren(req).find((c) => c.localName === 'Sets');
    const excel = sets && elementChildren(sets).find((s) => s.getAttribute('Name') === 'ExcelApi');
    const v = excel && (excel.getAttribute('MinVersion') || sets.getAttribute('DefaultMinVersion') || '1.1');
    const atLeast = (a, b) => {
      const [am, an] = a.split('.').map(Number);
      const [bm, bn] = b.split('.').map(Number);
      return am > bm || (am === bm && an >= bn);
    };
    if (!excel) error(req, 'project rule: <Requirements> must ask for <Set Name="ExcelApi" MinVersion="1.13"/> (merged areas need ExcelApi 1.13)');
    else if (!SHORT_VERSION_RE.test(v) || !atLeast(v, '1.13')) error(excel, `project rule: ExcelApi must be at least 1.13 (merged areas need it), not ${v}`);
  }
  if (!elementChildren(rootEl).some((c) => c.localName === 'VersionOverrides')) {
    error(rootEl, 'project rule: <OfficeApp> must have <VersionOverrides> (the ribbon buttons)');
  }

  function finish() {
    const sort = (list) => list.sort((a, b) => (a.line || 0) - (b.line || 0));
    const info = {};
    if (doc && doc.documentElement) {
      const kids = elementChildren(doc.documentElement);
      const get = (n) => kids.find((c) => c.localName === n);
      const id = get('Id');
      const version = get('Version');
      const display = get('DisplayName');
      if (id) info.id = textOf(id).trim();
      if (version) info.version = textOf(version).trim();
      if (display) info.displayName = display.getAttribute('DefaultValue');
    }
    return { ok: errors.length === 0, errors: sort(errors), warnings: sort(warnings), notes: sort(notes), info };
  }
  return finish();
}

function validateManifestFile(file, options = {}) {
  const xml = fs.readFileSync(file, 'utf8');
  return validateManifestText(xml, { root: path.dirname(path.resolve(file)), ...options });
}

function formatIssues(file, result) {
  const name = path.relative(process.cwd(), file) || file;
  const line = (kind) => (i) => `${name}${i.line ? `:${i.line}` : ''}: ${kind}: ${i.message}`;
  return [...result.errors.map(line('error')), ...result.warnings.map(line('warning')), ...result.notes.map(line('note'))];
}

/**
 * Office add-in tools report usage data unless told not to. office-addin-usage-data 2.1 and
 * later (what office-addin-manifest 3 uses) no longer send anything: every call is a no-op.
 * Older versions read the level from ~/office-addin-usage-data.json, which
 * `npx office-addin-usage-data off` writes; the same call is made here through the package's
 * own API, on the copy office-addin-manifest loads, before that package is loaded.
 */
function turnOffOfficeAddinUsageData() {
  try {
    const manifestDir = path.dirname(require.resolve('office-addin-manifest/package.json'));
    const usage = require(require.resolve('office-addin-usage-data', { paths: [manifestDir] }));
    if (typeof usage.writeUsageDataJsonData === 'function' && usage.UsageDataLevel) {
      usage.writeUsageDataJsonData(usage.groupName || 'office-addin-usage-data', usage.UsageDataLevel.off);
    }
  } catch {
    // office-addin-manifest not installed: nothing of it will run either.
  }
}

/** office-addin-manifest's offline reader (never its online validate). */
async function readWithOfficeAddinManifest(file) {
  turnOffOfficeAddinUsageData();
  const { OfficeAddinManifest } = require('office-addin-manifest');
  return OfficeAddinManifest.readManifestFile(path.resolve(file));
}

function parseArgs(argv) {
  const opts = { file: DEFAULT_MANIFEST, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base-url') opts.baseUrl = argv[++i];
    else if (a.startsWith('--base-url=')) opts.baseUrl = a.slice('--base-url='.length);
    else if (a === '--files') opts.files = argv[++i];
    else if (a.startsWith('--files=')) opts.files = a.slice('--files='.length);
    else if (a === '--json') opts.json = true;
    else if (a === '-h' || a === '--help') opts.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else opts.file = a;
  }
  if (opts.baseUrl !== undefined && !/^https:\/\/[^/]+\/(?:.*\/)?$/.test(opts.baseUrl)) {
    throw new Error(`--base-url must be an https:// address ending in "/", like https://lakip.example.go.id/ (got "${opts.baseUrl}")`);
  }
  if (opts.files !== undefined && !['images', 'all', 'none'].includes(opts.files)) {
    throw new Error('--files must be images, all or none');
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`validate-manifest: ${e.message}`);
    process.exitCode = 64;
    return;
  }
  if (opts.help) {
    console.log('usage: node scripts/validate-manifest.js [manifest.xml] [--base-url https://host/path/] [--files images|all|none] [--json]');
    return;
  }
  if (!fs.existsSync(opts.file)) {
    console.error(`validate-manifest: no such file: ${opts.file}`);
    process.exitCode = 2;
    return;
  }
  const result = validateManifestFile(opts.file, { baseUrl: opts.baseUrl, files: opts.files });
  let officeAddinManifest = null;
  if (result.ok) {
    try {
      const m = await readWithOfficeAddinManifest(opts.file);
      officeAddinManifest = { id: m.id, version: m.version, displayName: m.displayName, hosts: m.hosts, officeAppType: m.officeAppType };
    } catch (e) {
      result.warnings.push({ line: undefined, message: `office-addin-manifest could not read the file offline: ${e.message}` });
    }
  }
  if (opts.json) {
    console.log(JSON.stringify({ file: opts.file, ...result, officeAddinManifest }, null, 2));
  } else {
    for (const line of formatIssues(opts.file, result)) console.log(line);
    const name = path.relative(process.cwd(), opts.file) || opts.file;
    if (result.ok) {
      console.log(`${name}: valid (offline rule check of the Office add-in manifest schema 1.1 + VersionOverrides 1.0; ${result.warnings.length} warning(s))`);
      console.log(`Manifest valid / manifes valid.`);
      if (officeAddinManifest) {
        console.log(
          `office-addin-manifest reads: id ${officeAddinManifest.id}, version ${officeAddinManifest.version}, ` +
            `"${officeAddinManifest.displayName}", ${officeAddinManifest.officeAppType} for ${(officeAddinManifest.hosts || []).join(', ')}`,
        );
      }
    } else {
      console.log(`${name}: ${result.errors.length} error(s) / manifes tidak valid: ${result.errors.length} kesalahan.`);
    }
  }
  if (!result.ok) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exitCode = 1;
  });
}

module.exports = {
  validateManifestText,
  validateManifestFile,
  formatIssues,
  readWithOfficeAddinManifest,
  turnOffOfficeAddinUsageData,
  DEFAULT_BASE_URL,
  DEFAULT_MANIFEST,
};
