"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setArticleDoubleReviewAction } from "@/lib/actions/articles";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";

/** Editors: require independent double review for this article's open and new claims. */
export function DoubleReviewToggle({ articleId, required }: { articleId: string; required: boolean }) {
  const router = useRouter();
  const [checked, setChecked] = useState(required);
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction();
  async function toggle(next: boolean) {
    // The box answers the click at once; it flips back if the change is refused.
    setChecked(next);
    setSaved(false);
    if (await run(() => setArticleDoubleReviewAction({ id: articleId, required: next }))) {
      setSaved(true);
      router.refresh();
    } else {
      setChecked(!next);
    }
  }
  return (
    <div className="-mt-4 mb-6 text-sm" data-testid="double-review-toggle">
      <label className="inline-flex items-center gap-2 text-muted">
        <input type="checkbox" checked={checked} disabled={pending} onChange={(e) => toggle(e.target.checked)} />
        Require independent double review for this article&apos;s claims
      </label>
      {saved && (
        <span role="status" className="ml-2 text-xs text-emerald-700">
          ✓ Saved
        </span>
      )}
      <FormError message={error} />
    </div>
  );
}
