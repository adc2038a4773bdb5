'use strict';
/**
 * A small .xlsx writer for the bench's generated inputs: SpreadsheetML written
 * as Excel writes it (a shared-string table, r="A1" on every cell, <dimension>,
 * styles with number formats), streamed through fflate's Zip so a million
 * cells never sit in memory as one string. Written here rather than with
 * exceljs so the inputs can carry what real exports carry and exceljs does
 * not write: shared formulas (<f t="shared" ref=".." si="..">), outline
 * levels on rows and columns, strings typed where numbers belong.
 *
 * Cell values:
 *   number | string (shared string) | null/undefined (no cell)
 *   { v, st }                          number or string with a style id
 *   { f, v, st }                       formula with its cached result
 *   { f, ref, si, v, st }              master of a shared formula
 *   { si, v, st }                      child of a shared formula
 *   { e: '#DIV/0!', f? }               error value (with its formula, if any)
 *   { is: 'text' }                     inline string (t="inlineStr")
 * Styles (st): 0 General, 1 #,##0, 2 0.00, 3 bold, 4 text (@), 5 bold #,##0, 6 percent 0.00%.
 */
const fs = require('fs');
const { Zip, ZipDeflate } = require('fflate');

const enc = new TextEncoder();
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function colName(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * writeXlsx(file, sheets): sheets = [{ name, rows: Iterable<row>, width, merges?, cols?, outlineRows?, outlineCols? }]
 * row = array of cells, or { cells, outlineLevel?, hidden? }.
 * cols = [{ min, max, width?, outlineLevel?, hidden? }] (1-based, as in the XML).
 */
function writeXlsx(file, sheets) {
  const fd = fs.openSync(file, 'w');
  let failed;
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else fs.writeSync(fd, data);
  });
  const part = (name, text) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(enc.encode(text), true);
  };
  const sst = new Map();
  const sstList = [];
  const sid = (s) => {
    let i = sst.get(s);
    if (i === undefined) {
      i = sstList.length;
      sst.set(s, i);
      sstList.push(s);
    }
    return i;
  };
  let sstCount = 0;

  // In the order Excel writes them: the package parts first, then the sheets, styles and shared strings.
  part('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((s, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  part('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  part('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheets.map((s, k) => `<sheet name="${esc(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('')}</sheets><calcPr calcId="191029"/></workbook>`);
  part('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s, k) => `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);

  sheets.forEach((sheet, k) => {
    const f = new ZipDeflate(`xl/worksheets/sheet${k + 1}.xml`, { level: 6 });
    zip.add(f);
    let buf = [];
    let len = 0;
    const out = (s) => {
      buf.push(s);
      len += s.length;
      if (len > 1 << 20) {
        f.push(enc.encode(buf.join('')));
        buf = [];
        len = 0;
      }
    };
    const rows = [...sheet.rows];
    const width = sheet.width || rows.reduce((m, r) => Math.max(m, (Array.isArray(r) ? r : r.cells).length), 1);
    out('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">');
    if (sheet.outlineRows || sheet.outlineCols) out('<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr>');
    out(`<dimension ref="A1:${colName(width - 1)}${rows.length}"/>`);
    out(`<sheetViews><sheetView workbookViewId="0"${k === 0 ? ' tabSelected="1"' : ''}/></sheetViews>`);
    out(`<sheetFormatPr defaultRowHeight="15"${sheet.outlineRows ? ` outlineLevelRow="${sheet.outlineRows}"` : ''}${sheet.outlineCols ? ` outlineLevelCol="${sheet.outlineCols}"` : ''}/>`);
    if (sheet.cols && sheet.cols.length) {
      out('<cols>');
      for (const c of sheet.cols) out(`<col min="${c.min}" max="${c.max}" width="${c.width || 10}" customWidth="1"${c.outlineLevel ? ` outlineLevel="${c.outlineLevel}"` : ''}${c.hidden ? ' hidden="1"' : ''}/>`);
      out('</cols>');
    }
    out('<sheetData>');
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const cells = Array.isArray(row) ? row : row.cells;
      const lvl = Array.isArray(row) ? 0 : row.outlineLevel || 0;
      const hidden = !Array.isArray(row) && row.hidden;
      out(`<row r="${r + 1}"${lvl ? ` outlineLevel="${lvl}"` : ''}${hidden ? ' hidden="1"' : ''}>`);
      for (let c = 0; c < cells.length; c++) {
        let x = cells[c];
        if (x === null || x === undefined || x === '') continue;
        const a = `${colName(c)}${r + 1}`;
        if (typeof x !== 'object') x = { v: x };
        const st = x.st ? ` s="${x.st}"` : '';
        let fx = '';
        if (x.f !== undefined && x.ref) fx = `<f t="shared" ref="${x.ref}" si="${x.si}">${esc(x.f)}</f>`;
        else if (x.f !== undefined) fx = `<f>${esc(x.f)}</f>`;
        else if (x.si !== undefined) fx = `<f t="shared" si="${x.si}"/>`;
        if (x.e !== undefined) out(`<c r="${a}"${st} t="e">${fx}<v>${x.e}</v></c>`);
        else if (x.is !== undefined) out(`<c r="${a}"${st} t="inlineStr"><is><t>${esc(x.is)}</t></is></c>`);
        else if (typeof x.v === 'string') {
          if (fx) out(`<c r="${a}"${st} t="str">${fx}<v>${esc(x.v)}</v></c>`);
          else {
            sstCount++;
            out(`<c r="${a}"${st} t="s"><v>${sid(x.v)}</v></c>`);
          }
        } else if (typeof x.v === 'number') out(`<c r="${a}"${st}>${fx}<v>${x.v}</v></c>`);
        else if (fx) out(`<c r="${a}"${st}>${fx}</c>`);
      }
      out('</row>');
    }
    out('</sheetData>');
    if (sheet.merges && sheet.merges.length) out(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
    out('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    f.push(enc.encode(buf.join('')), true);
  });

  const sstParts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sstCount}" uniqueCount="${sstList.length}">`];
  for (const s of sstList) sstParts.push(`<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</t></si>`);
  sstParts.push('</sst>');
  part('xl/sharedStrings.xml', sstParts.join(''));
  part('xl/styles.xml', STYLES);
  zip.end();
  fs.closeSync(fd);
  if (failed) throw failed;
}

module.exports = { writeXlsx, colName };
