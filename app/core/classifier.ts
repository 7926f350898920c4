/**
 * A small text classifier that learns the user's own categorizations and proposes a category for a subject
 * that has none: multinomial naive Bayes with Laplace (add-one) smoothing over the words a subject is made of.
 *
 * ```
 * domain  docs.python.org          → docs, python, #_py, #pyt, #yth, #tho, #hon, #on_
 *         (labels without the public suffix, plus character trigrams of the main label, 1/6 each)
 * app     "IntelliJ IDEA" + titles → intellij, idea, + the words of its recent window titles
 *         ("store.ts — time-audit" → store, time, audit)
 * ```
 * Each token counts once per subject (binarized multinomial naive Bayes): an app with fifty titles that all
 * say "inbox" is one piece of evidence for Email, not fifty, so that apps with many titles do not drown the
 * domains, which have a handful of tokens each. Tokens never seen in training are ignored. The probability
 * it gives is a softmax of the log scores over the categories it knows.
 */
import type { SubjectKind } from '../shared/report.ts';

/**
 * The least probability a suggestion needs: the category is then more likely than all the others together.
 * On held-out demo subjects nearly all that passes it is right (classifier.test.ts checks at least 80%), while
 * guesses from a domain's name alone mostly stay below it and are not shown.
 */
export const MIN_SUGGESTION_CONFIDENCE = 0.5;

/**
 * Whether a prediction is worth showing: likely enough, and resting on at least one known word's worth of the
 * subject's own tokens. Without that, the answer would be the prior alone (the category the user has most).
 */
export function worthSuggesting(p: Prediction<unknown> | null): boolean {
  return p !== null && p.probability >= MIN_SUGGESTION_CONFIDENCE && p.evidence >= 1;
}

/** Words too common in names and titles to say anything about a category. */
const STOP_WORDS = new Set([
  'and',
  'for',
  'the',
  'with',
  'from',
  'into',
  'you',
  'your',
  'new',
  'tab',
  'untitled',
  'www',
  'com',
  'org',
  'net',
  'http',
  'https',
]);

/** Second-level public suffixes common enough to matter ("bbc.co.uk" is "bbc", not "co"). */
const TWO_PART_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'co.kr',
  'co.in',
  'co.za',
  'com.br',
  'com.cn',
  'com.mx',
  'com.tr',
  'com.ar',
  'com.sg',
  'com.hk',
  'com.tw',
]);

/** Lowercased words of a text: runs of letters and digits, at least 3 long, neither numbers nor stop-words. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !/^\p{N}+$/u.test(w) && !STOP_WORDS.has(w));
}

/** A domain's labels without its public suffix: "docs.python.org" → ["docs", "python"]. */
export function domainLabels(domain: string): string[] {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels.length > 1 && labels.every((l) => /^\d+$/.test(l))) return []; // an IP address
  let keep = labels.length;
  if (labels.length > 2 && TWO_PART_SUFFIXES.has(labels.slice(-2).join('.'))) keep -= 2;
  else if (labels.length > 1) keep -= 1;
  return labels.slice(0, keep).filter((l) => l !== 'www');
}

/** Tokens with their weight: how many pieces of evidence each is. */
export type Features = ReadonlyMap<string, number>;

/**
 * The tokens of a subject; `titles` are an app's recent window titles (ignored for domains). A word weighs 1;
 * the trigrams of a domain's main label share a weight of 1 between them, because they overlap and say the
 * same thing several times over: counted as independent, they made the model sure of guesses that were mostly
 * wrong (its confidence on held-out demo domains was lower at 0.9 than at 0.3).
 */
export function subjectFeatures(kind: SubjectKind, name: string, titles: readonly string[] = []): Features {
  const features = new Map<string, number>();
  if (kind === 'domain') {
    const labels = domainLabels(name);
    for (const label of labels) {
      features.set(label, 1);
      for (const w of words(label)) features.set(w, 1); // "developer-mozilla" also gives its words
    }
    // Trigrams of the main label let "docs.rs" learn from "docs.docker.com" and "hubspot" from "github".
    const main = labels.at(-1);
    if (main !== undefined) {
      const padded = `_${main}_`;
      const n = padded.length - 2;
      for (let i = 0; i < n; i++) {
        const t = `#${padded.slice(i, i + 3)}`;
        features.set(t, (features.get(t) ?? 0) + 1 / n);
      }
    }
  } else {
    for (const w of words(name)) features.set(w, 1);
    for (const title of titles) for (const w of words(title)) features.set(w, 1);
  }
  return features;
}

export interface TrainingExample<L> {
  features: Features;
  label: L;
}

export interface Prediction<L> {
  label: L;
  /** The posterior probability of the label among the known ones, 0–1. */
  probability: number;
  /** The weight of the subject's tokens that the model has seen: 0 means the answer is the prior alone. */
  evidence: number;
}

interface ClassStats {
  docs: number;
  total: number;
  counts: Map<string, number>;
}

export class NaiveBayes<L> {
  private readonly classes = new Map<L, ClassStats>();
  private readonly vocabulary = new Set<string>();
  private docs = 0;

  static train<L>(examples: Iterable<TrainingExample<L>>): NaiveBayes<L> {
    const model = new NaiveBayes<L>();
    for (const e of examples) model.add(e);
    return model;
  }

  /** How many categories it knows. */
  get labels(): number {
    return this.classes.size;
  }

  /** The category with the highest posterior, or null when nothing was learned. */
  predict(features: Features): Prediction<L> | null {
    if (this.classes.size === 0) return null;
    const known = [...features].filter(([t]) => this.vocabulary.has(t));
    const evidence = known.reduce((sum, [, w]) => sum + w, 0);
    const v = this.vocabulary.size;
    const scores: Array<[L, number]> = [];
    for (const [label, c] of this.classes) {
      let score = Math.log(c.docs / this.docs);
      const denominator = Math.log(c.total + v);
      for (const [t, w] of known) score += w * (Math.log((c.counts.get(t) ?? 0) + 1) - denominator);
      scores.push([label, score]);
    }
    // Softmax in log space: subtract the best score so that exp() cannot underflow to all zeros.
    let best = scores[0] as [L, number];
    for (const s of scores) if (s[1] > best[1]) best = s;
    let sum = 0;
    for (const [, s] of scores) sum += Math.exp(s - best[1]);
    return { label: best[0], probability: 1 / sum, evidence };
  }

  private add({ features, label }: TrainingExample<L>): void {
    let c = this.classes.get(label);
    if (!c) {
      c = { docs: 0, total: 0, counts: new Map() };
      this.classes.set(label, c);
    }
    c.docs++;
    this.docs++;
    for (const [t, w] of features) {
      c.counts.set(t, (c.counts.get(t) ?? 0) + w);
      c.total += w;
      this.vocabulary.add(t);
    }
  }
}
