// Reads the Prometheus text exposition format (what `/metrics` answers): one sample a line,
// `name{label="value",…} number`, comments and blank lines skipped. Enough for tests and the
// benchmark to read figures back; not a general parser (no timestamps, no exemplars).
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

function number(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) {
      labels[key!] = value!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    }
    samples.push({ name: match[1]!, labels, value: number(match[3]!) });
  }
  return samples;
}

/** The samples of a scrape, looked up by name and labels. */
export class Scrape {
  constructor(readonly samples: Sample[]) {}

  static parse(text: string): Scrape {
    return new Scrape(parsePrometheus(text));
  }

  /** The value of the sample with this name whose labels include `labels`; undefined if none. */
  value(name: string, labels: Record<string, string> = {}): number | undefined {
    return this.samples.find(
      (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    )?.value;
  }

  /** The sum over every sample with this name whose labels include `labels` (0 if none). */
  sum(name: string, labels: Record<string, string> = {}): number {
    return this.samples
      .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((total, s) => total + s.value, 0);
  }

  /** The cumulative buckets of a histogram (summed over its other labels), by upper bound. */
  buckets(name: string): Map<number, number> {
    const buckets = new Map<number, number>();
    for (const s of this.samples) {
      if (s.name !== `${name}_bucket` || s.labels.le === undefined) continue;
      const le = number(s.labels.le);
      buckets.set(le, (buckets.get(le) ?? 0) + s.value);
    }
    return new Map([...buckets].sort(([a], [b]) => a - b));
  }
}
