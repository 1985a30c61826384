// The 附件 titles and the names of the sheets that carry them, in the words of the plan's place
// (全市目标完成情况 / 全省目标完成情况, 县区完成情况 / 州（市）完成情况).
import type { Plan } from "../../plan/types";
import { placeWords } from "../../plan/words";

export interface AttachmentTitles {
  city: string;
  scores: string;
  units: string;
  submissions: string;
  issues: string;
  change: string;
  lists: string;
}

export function attachmentTitles(plan: Pick<Plan, "city" | "units" | "words">): AttachmentTitles {
  const w = placeWords(plan);
  return {
    city: `${w.whole}目标完成情况`,
    scores: `${w.units}综合得分及排名`,
    units: `${w.units}分指标完成情况`,
    submissions: "各地报送情况",
    issues: "数据问题清单",
    change: "较上期变化及重点关注企业名单",
    lists: "重点关注企业名单",
  };
}

/** The 附件 in the order the bulletin lists them (a roster's comes after, when given). */
export function attachmentList(titles: AttachmentTitles, hasComparison: boolean): string[] {
  const t = titles;
  return [t.city, t.scores, t.units, t.submissions, t.issues, hasComparison ? t.change : t.lists];
}

/** 附件1's sheet: 市级目标完成情况 / 省级目标完成情况. */
export function citySheetName(plan: Pick<Plan, "city" | "units" | "words">): string {
  return `${placeWords(plan).level}目标完成情况`;
}

/** 附件3's sheet: 县区完成情况 / 州（市）完成情况. */
export function unitsSheetName(plan: Pick<Plan, "city" | "units" | "words">): string {
  return `${placeWords(plan).unitsShort}完成情况`;
}
