// One submission time everywhere: a return kept in the workbook carries the workbook's saved time
// (docProps/core.xml), so 汇总, which re-reads kept returns from their sheets, times them as the list's
// badges did and as `srdi aggregate` does on the same files — never by the copy's file time.
import { buildDemoRound } from "../../src/core/demo/round";
import { buildTemplate } from "../../src/core/form/template";
import { fillTemplate } from "../../src/core/form/template-fill";
import { createActions } from "../../src/excel/actions";
import { previewRound } from "../../src/taskpane/bureau/return-status";
import { writeWorkbook } from "../../src/xlsx/write";
import { install, plan } from "./helpers";
import { inProcessWorker } from "./in-process-worker";

test.each([
  ["on the page", () => null],
  ["in the worker", inProcessWorker],
])(
  "demo returns imported in the pane (%s): no return badged on time is published as 逾期",
  async (_, runner) => {
    install();
    const demo = buildDemoRound(plan);
    const a = createActions(plan, undefined, runner());
    const imported = [];
    for (const r of demo.returns) {
      const filled = fillTemplate(
        buildTemplate({
          plan,
          form: r.form,
          unit: r.unit,
          period: demo.period,
          deadline: demo.deadline,
          generatedAt: demo.generatedAt,
        }),
        r.data,
        r.form,
      );
      const bytes = await writeWorkbook({
        ...filled,
        properties: { ...filled.properties, modified: r.savedAt },
      });
      // The file time is a later copy's for some units (USB, e-mail): it says nothing about when it was sent.
      const file = { name: r.fileName, bytes, modified: r.modified };
      imported.push({ file, result: await a.readReturnFile(file) });
    }
    // The demo has copies made after the deadline of returns saved before it: the case that went wrong.
    expect(
      demo.returns.some(
        (r) => r.modified.slice(0, 10) > demo.deadline && r.savedAt.slice(0, 10) <= demo.deadline,
      ),
    ).toBe(true);
    expect(await a.keepReturns(imported)).toBe(imported.length);
    const results = imported.map((i) => i.result);
    const preview = previewRound(
      plan,
      demo.period,
      results,
      new Set(results.map((r) => r.file)),
      demo.deadline,
    );
    const out = await a.aggregate({
      period: demo.period,
      deadline: demo.deadline,
      issuedOn: demo.issuedOn,
      files: results,
    });
    const late = out.round.aggregate.submissions
      .filter((s) => s.timing === "late")
      .map((s) => s.file)
      .sort();
    const badgedLate = [...preview.byFile]
      .filter(([, st]) => st.status === "late")
      .map(([f]) => f)
      .sort();
    expect(late).toEqual(badgedLate);
    expect(late.length).toBeGreaterThan(0);
    // And the time the bulletin uses is the workbook's saved time.
    for (const s of out.round.aggregate.submissions.filter((x) => x.status === "reported"))
      expect(s.submittedAtSource).not.toBe("file");
  },
);
