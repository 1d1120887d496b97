/**
 * A large word list kept as the one string it was read as, and split into a Set only when first
 * asked: WordNet's 76,000 English words cost ~10 ms to index, which the knowledge build (and so
 * every start) would otherwise pay before the first unknown word ever needs them.
 */
export class WordList {
  private words: Set<string> | null = null;

  constructor(private readonly source: string) {}

  has(word: string): boolean {
    this.words ??= new Set(this.source.split(' '));
    return this.words.has(word);
  }
}
