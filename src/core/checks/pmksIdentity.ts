import type { TableContext } from './context';

/**
 * PMKS arithmetic: Populasi = Kewenangan Provinsi + Kewenangan Kabupaten/Kota,
 * and nobody handles more than the province's share. Rows that are central
 * government's matter keep the rest of their population with the centre, so
 * the sum identity does not hold there.
 */
export function checkPmksIdentity(ctx: TableContext): void {
  if (ctx.table.kind !== 'pmks') return;
  const pop = ctx.col('populasi');
  const prov = ctx.col('kewenangan-prov');
  const kab = ctx.col('kewenangan-kab');
  const handled = ctx.col('ditangani');
  for (const row of ctx.rows('item')) {
    const p = pop && ctx.value(row.row, pop.col);
    const v = prov && ctx.value(row.row, prov.col);
    const k = kab && ctx.value(row.row, kab.col);
    const h = handled && ctx.value(row.row, handled.col);
    if (handled && prov && h && v && h.gt(v)) {
      ctx.report({
        code: 'identity-mismatch',
        severity: 'error',
        row: row.row,
        col: handled.col,
        key: 'identity-handled',
        params: { label: row.label, actual: ctx.fmt(h), expected: ctx.fmt(v) },
        expected: v,
        actual: h,
      });
    }
    if (!pop || !prov || !kab || !p || !v || !k) continue;
    if (row.pusat || v.isZero()) continue;
    if (p.eq(v.plus(k))) continue;
    const expected = p.minus(v);
    const notHandled = h ? v.minus(h) : undefined;
    const extra =
      notHandled && !notHandled.isZero() && notHandled.eq(k.minus(expected)) ? ` ${whyNotHandled(ctx, notHandled.toFixed())}` : '';
    ctx.report({
      code: 'identity-mismatch',
      severity: 'error',
      row: row.row,
      col: kab.col,
      key: 'identity-sum',
      params: { label: row.label, populasi: ctx.fmt(p), prov: ctx.fmt(v), expected: ctx.fmt(expected), actual: ctx.fmt(k) },
      expected,
      actual: k,
      extra,
      fix: { kind: 'set-value', value: Number(expected.toFixed()), judgement: true },
    });
  }
}

function whyNotHandled(ctx: TableContext, gap: string): string {
  return ctx.lang === 'id'
    ? `Selisihnya sama dengan yang belum ditangani (Kewenangan Provinsi − Yang ditangani = ${ctx.fmt(gap)}): kolom ini tampaknya berisi jumlah yang belum ditangani.`
    : `The difference equals the number not handled (provincial share − handled = ${ctx.fmt(gap)}): the column seems to hold the number not handled.`;
}
