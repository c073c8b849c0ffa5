export function FormError({ message, onReload }: { message: string | null; onReload?: () => void }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-2 rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-sm text-red-800">
      {message}
      {onReload && (
        <button type="button" onClick={onReload} className="ml-2 font-medium underline">
          Reload
        </button>
      )}
    </p>
  );
}
