/** @jest-environment jsdom */
// 载入认定名单 in the pane: the picked file goes to loadRoster; the outcome and each located problem are
// notices; a refusal says why.
import "./dom-stubs";
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { makeIssue } from "../../src/core/read/issue";
import type { RosterOutcome } from "../../src/excel/actions";
import { RosterButton } from "../../src/taskpane/bureau/RosterButton";
import type { Notice } from "../../src/taskpane/common/Notices";

function show(outcome: RosterOutcome) {
  const loadRoster = jest.fn(async () => outcome);
  const done: Notice[][] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <RosterButton
        actions={{ loadRoster }}
        disabled={false}
        toFile={async (f) => ({ name: f.name, bytes: new Uint8Array([1]), modified: null })}
        onStart={() => undefined}
        onDone={(n) => done.push(n)}
      />
    </FluentProvider>,
  );
  fireEvent.change(screen.getByTestId("roster-file"), {
    target: { files: [new File(["x"], "认定名单.xlsx")] },
  });
  return { loadRoster, done };
}

test("a loaded roster: how many rows were kept, then each refused row where it is", async () => {
  const dup = makeIssue("roster.duplicate", { sheet: "认定名单", cell: "A6", args: { other: "5" } });
  const { loadRoster, done } = show({ loaded: true, kept: 3, rejected: 1, issues: [dup] });
  await waitFor(() => expect(done).toHaveLength(1));
  expect(loadRoster).toHaveBeenCalledWith(expect.objectContaining({ name: "认定名单.xlsx" }), undefined);
  expect(done[0].map((n) => n.text)).toEqual([
    "已将认定名单3行保存在本工作簿的\u201c认定名单\u201d工作表，另有1行未采用(见下)；汇总时将逐项核验各地填报的认定。",
    "认定名单!A6 与第 5 行重复(同一企业、层级、年份和状态)，以第一次出现的为准",
  ]);
  expect(screen.getByRole("button", { name: "载入认定名单" })).toBeTruthy();
});

test("a refused file: one error notice that says why", async () => {
  const { done } = show({ loaded: false, kept: 0, rejected: 0, issues: [makeIssue("roster.no_sheet")] });
  await waitFor(() => expect(done).toHaveLength(1));
  expect(done[0]).toHaveLength(1);
  expect(done[0][0].intent).toBe("error");
  expect(done[0][0].text).toMatch(/^认定名单未能载入：没有找到认定名单/);
});
