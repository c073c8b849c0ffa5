import "@/lib/validation/zod-config";
import { z } from "zod";
import { text } from "@/lib/validation/fields";
import { email } from "@/lib/validation/team";

/** One queued email (the mail.send job's payload): plain text only. */
export const ZMailMessage = z.object({
  to: email,
  subject: text({ min: 1, max: 300, required: "A mail needs a subject." }),
  text: text({ min: 1, max: 50_000, multiline: true, required: "A mail needs a body." }),
});
export type TMailMessage = z.infer<typeof ZMailMessage>;
