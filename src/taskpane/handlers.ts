// Callback types of the pane's components (in a .ts file: the React lint config reads the parameter
// names of function types in .tsx files as unused variables).
import type { Plan } from "../core/plan/types";
import type { PlanBookResult } from "../core/planbook/read-plan";
import type { ImportedReturn, ReturnFile } from "../host/types";
import type { Notice } from "./common/Notices";

export type OnText = (value: string) => void;
export type OnToggle = (on: boolean) => void;
export type OnFileToggle = (file: string, on: boolean) => void;
export type OnFile = (file: string) => void;
export type OnReturn = (item: ImportedReturn) => void;
/** Selects a cell in the workbook (the caller reports failures). */
export type SelectCell = (sheet: string, cell: string) => unknown;
export type SheetName = (sheet: string) => string;
export type OnChoice<T> = (choice: T) => void;
/** Reads a plan workbook chosen in the pane (the plan, or its located problems). */
export type ReadPlanFile = (file: ReturnFile) => Promise<PlanBookResult>;
export type OnPlan = (plan: Plan) => void;
export type ToReturnFile = (file: File) => Promise<ReturnFile>;
export type OnNotices = (notices: Notice[]) => void;
/** Extra content of a return's details (the earlier return compared, the review buttons). */
export type RenderExtra = (item: ImportedReturn) => unknown;
export type OnReview = (state: "accepted" | "returned", reason: string) => void;
export type OnBusy = (label: string | null) => void;
export type OnPicked = (files: import("./host-files").PickedFile[]) => void;
/** A confirmation closed: true when the user confirmed. */
export type OnConfirmed = (confirmed: boolean) => void;
/** Asks for a confirmation; resolves true when confirmed. */
export type Ask<T> = (request: T) => Promise<boolean>;
/** Says a text the pane's way (identifiers named in Chinese). */
export type Say = (text: string) => string;
