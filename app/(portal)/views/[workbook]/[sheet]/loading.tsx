export default function ViewLoading() {
  return (
    <p className="muted" role="status">
      Opening the dashboard…
    </p>
  );
}
