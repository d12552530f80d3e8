import { WorkbooksSkeleton } from "@/components/admin/workbooks-skeleton";

export default function Loading() {
  return (
    <div className="stack-lg">
      <div className="page-header">
        <h1>Workbooks</h1>
      </div>
      <WorkbooksSkeleton />
    </div>
  );
}
