// Plain-language notes about what the reader skipped, capped so a hostile bundle cannot
// grow them without bound.

export class Notes {
  private readonly items: string[] = [];
  private dropped = 0;

  constructor(private readonly max: number) {}

  add(note: string): void {
    if (this.items.length < this.max) this.items.push(note);
    else this.dropped++;
  }

  list(): string[] {
    return this.dropped === 0 ? [...this.items] : [...this.items, `${this.dropped} more notes were left out.`];
  }
}

/** An entry name as it may appear in a note: quoted, control characters removed, shortened. */
export function quoteName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "?");
  return JSON.stringify(clean.length > 200 ? `${clean.slice(0, 200)}…` : clean);
}
