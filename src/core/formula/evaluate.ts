/**
 * Computes the formula shapes LAKIP tables use (sums, ratios, percentages) for
 * workbooks saved without cached results. Anything outside that subset is
 * 'unsupported' rather than guessed, so the caller can say "not computed"
 * instead of reporting a wrong number.
 */
import Decimal from 'decimal.js';
import { parseA1 } from '../a1';

/** 0-based absolute; null = empty or non-numeric (SUM skips it, like Excel). */
export type CellLookup = (row: number, col: number) => Decimal | null;

export type FormulaError = '#DIV/0!' | '#REF!' | '#VALUE!';

export type EvalResult =
  | { ok: true; value: Decimal }
  | { ok: false; error: FormulaError | 'unsupported' };

type Failure = Extract<EvalResult, { ok: false }>;

const UNSUPPORTED: Failure = { ok: false, error: 'unsupported' };

// Only the error literals EvalResult can carry; '#N/A' and friends stay unsupported.
const ERROR_LITERALS: readonly FormulaError[] = ['#DIV/0!', '#REF!', '#VALUE!'];

const FUNCTIONS = ['SUM', 'AVERAGE', 'MIN', 'MAX', 'COUNT'] as const;
type FunctionName = (typeof FUNCTIONS)[number];

// Excel's own formula length limit; it also bounds the recursion below, so
// adversarial input cannot exhaust the stack.
const MAX_FORMULA_LENGTH = 8192;
// Parenthesis/function nesting; Excel allows 64 levels.
const MAX_DEPTH = 100;
// A range is visited cell by cell and the lookup cannot tell us where the data
// ends, so a whole-column range like A1:A1048576 is the most we walk.
const MAX_RANGE_CELLS = 2_000_000;

type Token =
  | { t: 'num'; text: string }
  | { t: 'ref'; row: number; col: number }
  | { t: 'fn'; name: FunctionName }
  | { t: 'err'; error: FormulaError }
  | { t: 'op'; op: Op };

type Op = '+' | '-' | '*' | '/' | '%' | '(' | ')' | ',' | ':';
const OPS = '+-*/%(),:';

type Node =
  | { k: 'num'; value: Decimal }
  | { k: 'err'; error: FormulaError }
  | { k: 'ref'; row: number; col: number }
  | { k: 'neg'; x: Node }
  | { k: 'pct'; x: Node }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; a: Node; b: Node }
  | { k: 'fn'; name: FunctionName; args: Arg[] };

type Arg = Node | { k: 'range'; top: number; left: number; bottom: number; right: number };

const NUMBER_RE = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/;
// '$' and '.' are swallowed too so 'A1.5' or 'Sheet.1' fail as one word instead of splitting.
const WORD_RE = /^[A-Za-z_$][A-Za-z0-9_$.]*/;

function tokenize(src: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const num = NUMBER_RE.exec(rest);
    if (num) {
      tokens.push({ t: 'num', text: num[0] });
      i += num[0].length;
      continue;
    }
    const word = WORD_RE.exec(rest);
    if (word) {
      i += word[0].length;
      const upper = word[0].toUpperCase();
      if (/^\s*\(/.test(src.slice(i))) {
        const fn = FUNCTIONS.find((f) => f === upper);
        if (!fn) return null;
        tokens.push({ t: 'fn', name: fn });
        continue;
      }
      const cell = parseA1(word[0]);
      // Defined names, TRUE/FALSE and sheet prefixes ('Sheet2' before '!') all land here.
      if (!cell) return null;
      tokens.push({ t: 'ref', row: cell.row, col: cell.col });
      continue;
    }
    if (ch === '#') {
      const error = ERROR_LITERALS.find((e) => rest.toUpperCase().startsWith(e));
      if (!error) return null;
      tokens.push({ t: 'err', error });
      i += error.length;
      continue;
    }
    if (OPS.includes(ch)) {
      tokens.push({ t: 'op', op: ch as Op });
      i++;
      continue;
    }
    // Strings, comparisons, '&', '^', '!' (other sheets), '{' (arrays): outside the subset.
    return null;
  }
  return tokens;
}

/** Recursive descent with Excel's precedence: unary minus > % > * / > + -. */
class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseFormula(): Node | null {
    const node = this.expr();
    return node && this.pos === this.tokens.length ? node : null;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private isOp(op: string, offset = 0): boolean {
    const tok = this.peek(offset);
    return tok !== undefined && tok.t === 'op' && tok.op === op;
  }

  private expr(): Node | null {
    if (++this.depth > MAX_DEPTH) return null;
    let left = this.term();
    while (left && (this.isOp('+') || this.isOp('-'))) {
      const op = this.isOp('+') ? '+' : '-';
      this.pos++;
      const right = this.term();
      left = right ? { k: 'bin', op, a: left, b: right } : null;
    }
    this.depth--;
    return left;
  }

  private term(): Node | null {
    let left = this.unary();
    while (left && (this.isOp('*') || this.isOp('/'))) {
      const op = this.isOp('*') ? '*' : '/';
      this.pos++;
      const right = this.unary();
      left = right ? { k: 'bin', op, a: left, b: right } : null;
    }
    return left;
  }

  private unary(): Node | null {
    // A loop, not recursion, because '=+-+-A1' style prefixes can be long.
    let negate = false;
    while (this.isOp('-') || this.isOp('+')) {
      if (this.isOp('-')) negate = !negate;
      this.pos++;
    }
    const x = this.postfix();
    return x && negate ? { k: 'neg', x } : x;
  }

  private postfix(): Node | null {
    let x = this.primary();
    while (x && this.isOp('%')) {
      this.pos++;
      x = { k: 'pct', x };
    }
    return x;
  }

  private primary(): Node | null {
    const tok = this.peek();
    if (!tok) return null;
    this.pos++;
    switch (tok.t) {
      case 'num': {
        const value = new Decimal(tok.text);
        // Excel refuses literals beyond its double range; so do we.
        return value.isFinite() ? { k: 'num', value } : null;
      }
      case 'err':
        return { k: 'err', error: tok.error };
      case 'ref':
        // A range outside a function argument means implicit intersection or an array.
        return this.isOp(':') ? null : { k: 'ref', row: tok.row, col: tok.col };
      case 'fn':
        return this.call(tok.name);
      case 'op':
        if (tok.op !== '(') return null;
        {
          const inner = this.expr();
          if (!inner || !this.isOp(')')) return null;
          this.pos++;
          return inner;
        }
    }
  }

  private call(name: FunctionName): Node | null {
    if (!this.isOp('(')) return null;
    this.pos++;
    const args: Arg[] = [];
    // Empty argument lists and empty arguments ('SUM(A1,,B1)') are left unsupported.
    for (;;) {
      const arg = this.range() ?? this.expr();
      if (!arg) return null;
      args.push(arg);
      if (this.isOp(',')) {
        this.pos++;
        continue;
      }
      if (this.isOp(')')) {
        this.pos++;
        return { k: 'fn', name, args };
      }
      return null;
    }
  }

  /** Only a bare 'A1:B2' directly followed by ',' or ')' is a range argument. */
  private range(): Arg | null {
    const a = this.peek();
    const b = this.peek(2);
    if (a?.t !== 'ref' || !this.isOp(':', 1) || b?.t !== 'ref') return null;
    if (!this.isOp(',', 3) && !this.isOp(')', 3)) return null;
    this.pos += 3;
    return {
      k: 'range',
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    };
  }
}

type Value = EvalResult;

const ok = (value: Decimal): Value => ({ ok: true, value });

class Evaluator {
  private cellsLeft = MAX_RANGE_CELLS;

  constructor(private readonly lookup: CellLookup) {}

  /** Errors propagate left to right, so the first one met wins, as in Excel. */
  eval(node: Node): Value {
    switch (node.k) {
      case 'num':
        return ok(node.value);
      case 'err':
        return { ok: false, error: node.error };
      case 'ref':
        // Excel treats an empty cell as 0 in arithmetic.
        return ok(this.lookup(node.row, node.col) ?? new Decimal(0));
      case 'neg': {
        const x = this.eval(node.x);
        return x.ok ? ok(x.value.neg()) : x;
      }
      case 'pct': {
        const x = this.eval(node.x);
        return x.ok ? ok(x.value.div(100)) : x;
      }
      case 'bin':
        return this.binary(node.op, node.a, node.b);
      case 'fn':
        return this.call(node.name, node.args);
    }
  }

  private binary(op: '+' | '-' | '*' | '/', a: Node, b: Node): Value {
    const x = this.eval(a);
    if (!x.ok) return x;
    const y = this.eval(b);
    if (!y.ok) return y;
    switch (op) {
      case '+':
        return ok(x.value.plus(y.value));
      case '-':
        return ok(x.value.minus(y.value));
      case '*':
        return ok(x.value.times(y.value));
      case '/':
        return y.value.isZero() ? { ok: false, error: '#DIV/0!' } : ok(x.value.div(y.value));
    }
  }

  /**
   * Numbers the function sees: cells in ranges and bare references skip
   * blanks; any other argument is evaluated as arithmetic. COUNT ignores
   * errors in its arguments, the others stop at the first one (Excel rules).
   */
  private collect(args: Arg[], skipErrors: boolean): Decimal[] | Failure {
    const out: Decimal[] = [];
    for (const arg of args) {
      if (arg.k === 'range' || arg.k === 'ref') {
        const r = arg.k === 'range' ? arg : { top: arg.row, bottom: arg.row, left: arg.col, right: arg.col };
        this.cellsLeft -= (r.bottom - r.top + 1) * (r.right - r.left + 1);
        if (this.cellsLeft < 0) return UNSUPPORTED;
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) {
            const v = this.lookup(row, col);
            if (v !== null) out.push(v);
          }
        }
        continue;
      }
      const v = this.eval(arg);
      if (v.ok) out.push(v.value);
      else if (!skipErrors || v.error === 'unsupported') return v;
    }
    return out;
  }

  private call(name: FunctionName, args: Arg[]): Value {
    const nums = this.collect(args, name === 'COUNT');
    if (!Array.isArray(nums)) return nums;
    const sum = () => nums.reduce((acc, n) => acc.plus(n), new Decimal(0));
    switch (name) {
      case 'SUM':
        return ok(sum());
      case 'AVERAGE':
        return nums.length === 0 ? { ok: false, error: '#DIV/0!' } : ok(sum().div(nums.length));
      // With no numbers at all Excel answers 0, not an error.
      case 'MIN':
        return ok(nums.reduce((m, n) => (n.lt(m) ? n : m), nums[0] ?? new Decimal(0)));
      case 'MAX':
        return ok(nums.reduce((m, n) => (n.gt(m) ? n : m), nums[0] ?? new Decimal(0)));
      case 'COUNT':
        return ok(new Decimal(nums.length));
    }
  }
}

/** Evaluates `formula` (with or without the leading '='). Never throws. */
export function evaluateFormula(formula: string, lookup: CellLookup): EvalResult {
  // Callers run this over untrusted workbook text; one bad cell (or a throwing
  // lookup) must not abort the whole report, so every failure becomes a result.
  try {
    if (typeof formula !== 'string' || formula.length > MAX_FORMULA_LENGTH + 1) return UNSUPPORTED;
    const src = formula.startsWith('=') ? formula.slice(1) : formula;
    const tokens = tokenize(src);
    if (!tokens) return UNSUPPORTED;
    const ast = new Parser(tokens).parseFormula();
    if (!ast) return UNSUPPORTED;
    const result = new Evaluator(lookup).eval(ast);
    if (!result.ok) return result;
    const value = result.value;
    if (!Decimal.isDecimal(value) || !value.isFinite()) return UNSUPPORTED;
    // Excel has no negative zero; '-0' would surprise anyone comparing strings.
    return { ok: true, value: value.isZero() ? new Decimal(0) : value };
  } catch {
    return UNSUPPORTED;
  }
}
