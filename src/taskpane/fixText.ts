/** Words for planned cell edits, shared with the CLI (src/core/fixes/describe.ts), and the plan read finding by finding. */
export { describeContent, describeEdit, describeFormat, type EditLine } from '../core/fixes/describe';
export { editFor, editsByFinding, editsFor, fixAllEdits } from '../core/fixes/byFinding';
