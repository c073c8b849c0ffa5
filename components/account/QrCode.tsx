import type { QrPath } from "@/lib/two-factor/qr";

/** A QR code drawn as inline SVG (no script, no image URL), with a quiet zone of four modules. */
export function QrCode({ qr, label }: { qr: QrPath; label: string }) {
  const side = qr.size + 8;
  return (
    <svg
      viewBox={`-4 -4 ${side} ${side}`}
      role="img"
      aria-label={label}
      className="h-44 w-44 rounded border border-rule bg-white"
      shapeRendering="crispEdges"
    >
      <path d={qr.path} fill="#1c1b19" />
    </svg>
  );
}
