/** What stopped an action, said at once to screen readers; nothing when there is no error. */
export function ErrorNote({ error }: { error: string | null }) {
  return error ? (
    <p className="author-error" role="alert">
      {error}
    </p>
  ) : null;
}
