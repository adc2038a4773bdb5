/**
 * The report tables' code, loaded lazily (its own chunk) when the "Tabel LAKIP"
 * view opens: the report table specs (as the workbook is, or with the accepted
 * fixes), their sheet plans and their HTML. The .docx writer and the .xlsx writer
 * are separate chunks, fetched on use.
 */
export { buildTableSpecs } from '../core/tables/build';
export { sheetPlan } from '../core/tables/sheetPlan';
export { tableToHtml, tablesToHtmlDocument, tableToPlainText } from '../core/tables/html';
