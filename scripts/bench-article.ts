/**
 * A large article in DokuWiki markup for the reading benchmark: about `targetBytes` of prose in
 * sections, with `citations` footnotes over a pool of sources (so many are reused), internal
 * links, lists and a table. Deterministic, so runs compare.
 */
export function generateBenchArticle({ targetBytes = 100_000, citations = 200 } = {}): string {
  const words = (
    "model evaluation alignment capability benchmark safety frontier research training deployment " +
    "policy transparency refusal audit behaviour robustness governance dataset inference scaling"
  ).split(" ");
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const sentence = () => {
    const length = 12 + Math.floor(random() * 14);
    const text = Array.from({ length }, () => pick(words)).join(" ");
    return text[0].toUpperCase() + text.slice(1);
  };
  const sources = Array.from({ length: 120 }, (_, i) => `[[https://journal.example/articles/${i + 1}|Study ${i + 1} of frontier models (${2020 + (i % 7)})]]`);

  const paragraphs: string[] = ["====== Frontier model evaluation ======", ""];
  let cited = 0;
  let section = 0;
  let size = 0;
  const perParagraph = Math.max(1, Math.ceil(citations / Math.max(1, Math.floor(targetBytes / 700))));
  while (size < targetBytes || cited < citations) {
    if (paragraphs.length % 12 === 2) {
      section++;
      paragraphs.push(`===== Section ${section}: ${pick(words)} and ${pick(words)} =====`, "");
      if (section % 4 === 0) paragraphs.push("^ Model ^ Score ^ Notes ^", ...Array.from({ length: 5 }, (_, r) => `| [[model_${r}|Model ${r}]] | ${r * 7} | ${sentence()} |`), "");
      if (section % 5 === 0) paragraphs.push(...Array.from({ length: 4 }, () => `  * ${sentence()} [[topic_${Math.floor(random() * 50)}|${pick(words)}]]`), "");
    }
    const parts: string[] = [];
    for (let s = 0; s < 5; s++) {
      let text = sentence();
      if (s === 1) text += ` [[topic_${Math.floor(random() * 50)}|${pick(words)} ${pick(words)}]]`;
      if (s === 2) text = `**${text}**`;
      parts.push(`${text}.`);
      if (cited < citations && s < perParagraph) {
        parts[parts.length - 1] += `((${sources[cited % 3 === 0 ? cited % 40 : cited % sources.length]}))`;
        cited++;
      }
    }
    const paragraph = parts.join(" ");
    paragraphs.push(paragraph, "");
    size += paragraph.length + 1;
  }
  paragraphs.push("===== See Also =====", ...Array.from({ length: 5 }, (_, i) => `  * [[related_${i}|Related article ${i}]]`));
  return paragraphs.join("\n");
}
