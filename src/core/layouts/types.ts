import type { ColumnRole, TableKind } from '../model';
import type { SpecContext } from '../tables/specs';
import type { TableSpec } from '../tables/types';

/**
 * One table layout staff keep (PMKS, SPM, APBD, belanja by Kode Rekening, IKU,
 * plain counts): how it is recognised, what its percentages divide, whether its
 * amounts add up, and the report table built from it. Adding a layout means
 * adding one file and one line in the registry, not a case in every check.
 */
export interface LayoutDescriptor {
  kind: TableKind;
  /** Whether the columns' roles make a table this layout; layouts are tried in registry order, most specific first. */
  detect(has: (role: ColumnRole) => boolean): boolean;
  /** The columns a % column divides, numerator over denominator. */
  ratio?: { num: ColumnRole; den: ColumnRole };
  /** Whether amount columns add up down the rows (an indicator table's rows do not). */
  sums: boolean;
  /** A zero divisor can be a central-government matter ('Kewenangan Pusat'), not a mistake. */
  pusat?: boolean;
  /** The report table built from this layout, when there is one. */
  build?(c: SpecContext): TableSpec | undefined;
  /** Where the layout was seen. */
  source: string;
}
