// Plain-language notes, capped so a hostile capture cannot grow them without bound. Repeated
// kinds of trouble are counted under one key and reported once, with the count.

export class NoteList {
  private readonly items: string[] = [];
  private dropped = 0;
  private readonly counted = new Map<string, { text: (n: number) => string; n: number }>();

  constructor(private readonly max: number) {}

  add(note: string): void {
    if (this.items.length < this.max) this.items.push(note);
    else this.dropped++;
  }

  /** Count one occurrence of a repeated condition; `text(n)` renders the single note at the end. */
  count(key: string, text: (n: number) => string): void {
    const c = this.counted.get(key);
    if (c) c.n++;
    else if (this.counted.size < this.max) this.counted.set(key, { text, n: 1 });
    else this.dropped++;
  }

  list(): string[] {
    const out = [...this.items];
    for (const c of this.counted.values()) out.push(c.text(c.n));
    if (this.dropped > 0) out.push(`${this.dropped} more notes were left out.`);
    return out;
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
