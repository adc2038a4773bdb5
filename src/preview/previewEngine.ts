/** What the preview needs besides the pane's engine: the workbook reader and the snapshot editor. Loaded lazily; the download's writers are previewWriter.ts. */
export { readWorkbookBuffer } from '../xlsx/fromBuffer';
export { displayText } from '../xlsx/formatText';
export { applyToSnapshot } from '../core/fixes/applyToSnapshot';
export { applyAndRecalculate, recalculateDependents } from '../core/fixes/recalculate';
export { cellState } from '../core/fixes/plan';
export { sheetNameFor, stackPlans, stackSize } from '../core/tables/sheetPlan';
export { emptySheet, occupiedIn, writePlan } from './tableInsert';
