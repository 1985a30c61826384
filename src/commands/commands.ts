// Ribbon commands (ExecuteFunction): each handler calls the same plain async functions as the pane and
// always tells Office it is done, even when it fails.
import { clearHighlights } from "../excel/marks";

export async function clearHighlightsCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await clearHighlights();
  } catch {
    // A ribbon command has no surface to show an error on; the pane's 清除标记 button reports it.
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("clearHighlights", clearHighlightsCommand);
});
