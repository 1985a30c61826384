import { paperProblems, problemsText, toPdf, wordsOf } from "/work/wt/i11/tests/print/paper";
import * as path from "path";
test("manual", () => {
  const files = (process.env.FILES ?? "").split("\n").filter(Boolean);
  for (const f of files) {
    const pdf = toPdf(f, "/tmp/i11/pdf");
    const { pages, words } = wordsOf(pdf);
    console.log(`${path.basename(f)}: ${pages.length} pages, ${words.length} words\n${problemsText(paperProblems(words))}`);
  }
});
