// The loaded plan workbook remembered IN the workbook: the add-in's document settings (Excel.SettingCollection,
// ExcelApi 1.4, saved with the file, per add-in), so a workbook handed to another machine opens on its plan.
// The machine's memory (localStorage) stays beside it, for new workbooks and where the workbook cannot keep
// it. One sync to read, one to write, two to forget, whatever the plan's size.
import type { PlanKept, PlanMemory } from "../host/types";
import { parseRemembered, rememberedText } from "../host/plan-memory";
import { runExcel } from "./errors";
import { excelApi } from "./support";

const KEY = "srdi.planWorkbook";
/**
 * Plan workbooks above this are remembered on the machine only. Document settings travel in the file and
 * in every request that writes them; Office documents no exact cap for them, so this stays far below the
 * 5 MB request limit (a plan workbook is 40–50 KB).
 */
export const MAX_IN_WORKBOOK = 1024 * 1024;

/** Where Excel keeps document settings (ExcelApi 1.4, below the manifest's 1.7, checked all the same). */
function canKeep(): boolean {
  return excelApi("1.4");
}

export function workbookPlanMemory(machine: PlanMemory): PlanMemory {
  return {
    async get() {
      if (canKeep()) {
        try {
          const raw = await runExcel(async (context) => {
            const s = context.workbook.settings.getItemOrNullObject(KEY);
            s.load("value");
            await context.sync();
            return s.isNullObject ? null : (s.value as unknown);
          });
          const file = parseRemembered(raw, MAX_IN_WORKBOOK);
          if (file) return file;
        } catch {
          // The settings could not be read: the machine's memory answers.
        }
      }
      return machine.get();
    },

    async set(file): Promise<PlanKept> {
      const onMachine = await machine.set(file);
      if (!canKeep() || file.bytes.length > MAX_IN_WORKBOOK) return onMachine;
      try {
        await runExcel(async (context) => {
          context.workbook.settings.add(KEY, rememberedText(file));
          await context.sync();
        });
        return "workbook";
      } catch {
        return onMachine;
      }
    },

    async clear() {
      await machine.clear();
      if (!canKeep()) return;
      try {
        await runExcel(async (context) => {
          const s = context.workbook.settings.getItemOrNullObject(KEY);
          s.load("key");
          await context.sync();
          if (s.isNullObject) return;
          s.delete();
          await context.sync();
        });
      } catch {
        // A workbook that refuses (protected, read-only): it keeps its plan; the machine has forgotten.
      }
    },
  };
}
