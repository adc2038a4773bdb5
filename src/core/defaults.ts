/** Defaults every front end names in its help and settings; kept apart so naming them loads no engine. */
export const DEFAULT_PUSAT_MARKER = 'Kewenangan Pusat';
