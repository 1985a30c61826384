// The floor under `srdi aggregate`: read each file, unzip it and tokenise its sheet XML and shared strings
// with the same XML tokeniser, building no workbook model and checking nothing. Prints the cells seen.
const { readFileSync } = require("fs");
const JSZip = require("jszip");
const { Parser } = require("htmlparser2");

async function main(files) {
  let cells = 0;
  for (const f of files) {
    const zip = await JSZip.loadAsync(readFileSync(f));
    const parts = Object.keys(zip.files).filter(
      (p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p) || p === "xl/sharedStrings.xml",
    );
    for (const p of parts) {
      // jszip's own UTF-8 decoding is several times slower than TextDecoder.
      const xml = new TextDecoder().decode(await zip.file(p).async("uint8array"));
      const parser = new Parser(
        {
          onopentag(name) {
            if (name === "c") cells++;
          },
        },
        { xmlMode: true },
      );
      parser.write(xml);
      parser.end();
    }
  }
  process.stdout.write(`${cells}\n`);
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(String(e.stack ?? e) + "\n");
  process.exit(1);
});
