"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setArticleDoubleReviewAction } from "@/app/(desk)/articles/[id]/actions";
import { useAction } from "@/components/claims/useAction";
import { FormError } from "@/components/ui/FormError";

/** Editors: require independent double review for this article's open and new claims. */
export function DoubleReviewToggle({ articleId, required }: { articleId: string; required: boolean }) {
  const router = useRouter();
  const [checked, setChecked] = useState(required);
  const { run, pending, error } = useAction();
  async function toggle(next: boolean) {
    if (await run(() => setArticleDoubleReviewAction({ id: articleId, required: next }))) {
      setChecked(next);
      router.refresh();
    }
  }
  return (
    <div className="-mt-4 mb-6 text-sm">
      <label className="inline-flex items-center gap-2 text-muted">
        <input type="checkbox" checked={checked} disabled={pending} onChange={(e) => toggle(e.target.checked)} />
        Require independent double review for this article&apos;s claims
      </label>
      <FormError message={error} />
    </div>
  );
}
