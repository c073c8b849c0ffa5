"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { TagEditor } from "@/components/tags/TagEditor";
import { tagArticleAction, untagArticleAction } from "@/lib/actions/tags";
import type { TagDTO } from "@/lib/tags/tag-rules";

/** The article header's tags: chips, and for reviewers and editors the inline tag combobox. */
export function ArticleTags({ articleId, tags: initial, canEdit }: { articleId: string; tags: TagDTO[]; canEdit: boolean }) {
  const [tags, setTags] = useState(initial);
  const router = useRouter();
  if (!canEdit && tags.length === 0) return null;
  return (
    <div className="-mt-4 mb-6 max-w-md">
      <TagEditor
        what="article"
        tags={tags}
        canEdit={canEdit}
        add={(input) => tagArticleAction({ articleId, ...input })}
        remove={(tagId) => untagArticleAction({ articleId, tagId })}
        onChanged={(next) => {
          setTags(next);
          router.refresh();
        }}
      />
    </div>
  );
}
