import { z } from "zod";
import { ZId } from "@/lib/validation/fields";

export { ZId };

/** Path parameters of a route under an `[id]` folder. */
export const ZIdParams = z.object({ id: ZId });
