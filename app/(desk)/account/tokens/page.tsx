import { redirect } from "next/navigation";

// API tokens moved to the Account page; old links and bookmarks land on its tokens section.
export default function ApiTokensPage() {
  redirect("/account#tokens");
}
