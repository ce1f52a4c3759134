#!/usr/bin/env bash
# Grades a pull request (or push) with the trusted harness of the current checkout (the base):
# only regular files under exercises/<id>/submission/ are taken from the graded commit, as plain
# data; nothing else from it is ever checked out or executed. Every other file the change touches
# is listed (tamper evidence) and shown in the step summary; the grade uses the base versions.
#
#   HEAD_SHA   commit to grade (required; fetched from origin when missing)
#   DIFF_BASE  commit the change is compared with (default: the checked-out base, HEAD)
#   KUBEGRADE_HIDDEN_DIR  optional folder with <id>/hidden.yaml (private hidden checks)
#   arguments  passed on to `kubegrade grade --ci` (exercise ids, --min-score N, …)
set -euo pipefail
cd "$(dirname "$0")/../.."

head_sha="${HEAD_SHA:?HEAD_SHA must name the commit to grade}"
zero=0000000000000000000000000000000000000000
have_commit() { git cat-file -e "$1^{commit}" 2>/dev/null; }

if ! have_commit "$head_sha"; then
  git fetch --no-tags --quiet origin "$head_sha"
fi
diff_base="${DIFF_BASE:-}"
if [[ -z "$diff_base" || "$diff_base" == "$zero" ]]; then diff_base="$(git rev-parse HEAD)"; fi
if ! have_commit "$diff_base"; then
  git fetch --no-tags --quiet origin "$diff_base" 2>/dev/null || diff_base="$(git rev-parse HEAD)"
fi
# Compare with the merge base, so base-branch commits the change does not contain are not listed.
since="$(git merge-base "$diff_base" "$head_sha" 2>/dev/null || printf '%s' "$diff_base")"

tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
changed_list="$(mktemp "$tmp/kubegrade-changed.XXXXXX")"
submission_re='^exercises/[^/]+/submission/'

# 1. Tamper evidence: every path the change touches outside the submission folders.
while IFS= read -r -d '' path; do
  if [[ ! "$path" =~ $submission_re ]]; then printf '%s\0' "$path" >>"$changed_list"; fi
done < <(git diff --name-only -z --no-renames "$since" "$head_sha" --)

# 2. Replace the base's submission folders with the graded commit's, regular files only.
for dir in exercises/*/; do
  if [[ -f "${dir}exercise.yaml" ]]; then rm -rf -- "${dir}submission"; fi
done
while IFS= read -r -d '' entry; do
  meta="${entry%%$'\t'*}"
  path="${entry#*$'\t'}"
  [[ "$path" =~ $submission_re ]] || continue
  [[ -f "${path%%/submission/*}/exercise.yaml" ]] || continue # not an exercise of the base: nothing grades it
  read -r mode type object <<<"$meta"
  if [[ "/$path/" == *"/../"* || "/$path/" == *"/./"* || "$type" != blob || ("$mode" != 100644 && "$mode" != 100755) ]]; then
    # Symlinks, submodules and odd paths are never materialised; they are listed instead.
    printf '%s\0' "$path" >>"$changed_list"
    continue
  fi
  mkdir -p -- "$(dirname -- "$path")"
  git cat-file blob "$object" >"$path"
done < <(git ls-tree -r -z --full-tree "$head_sha" -- exercises)
for dir in exercises/*/; do
  if [[ -f "${dir}exercise.yaml" ]]; then mkdir -p -- "${dir}submission"; fi
done

# 3. Grade with the base's harness (npm ci already ran with the base's lock file).
hidden=()
if [[ -n "${KUBEGRADE_HIDDEN_DIR:-}" ]]; then hidden=(--hidden "$KUBEGRADE_HIDDEN_DIR"); fi
export KUBEGRADE_CHANGED_OUTSIDE="$changed_list"
exec node bin/kubegrade.js grade --ci "${hidden[@]}" "$@"
