/** No lone surrogate: a string every UTF-8 encoder and JSON consumer takes as it is (String#isWellFormed, ES2024). */
export const isWellFormed = (s: string): boolean => !/\p{Cs}/u.test(s);
