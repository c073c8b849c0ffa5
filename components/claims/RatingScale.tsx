"use client";

import { createContext, useContext, type ReactNode } from "react";
import { defaultRatingScale, type RatingEntry } from "@/lib/teams/rating-scale";

const RatingScaleContext = createContext<readonly RatingEntry[]>(defaultRatingScale());

/** Gives the claim components below it the team's rating scale (labels and order from the Team page). */
export function RatingScaleProvider({ scale, children }: { scale: readonly RatingEntry[]; children: ReactNode }) {
  return <RatingScaleContext.Provider value={scale}>{children}</RatingScaleContext.Provider>;
}

/** The team's rating scale in its order (the default scale outside a RatingScaleProvider). */
export function useRatingScale(): readonly RatingEntry[] {
  return useContext(RatingScaleContext);
}
