#!/bin/sh
# browsercheck.sh opens the sample report in headless Chromium and checks
# that it renders without a console message, as HTML and as XHTML (which a
# browser parses strictly, showing an error page for any markup fault), and
# takes a screenshot to look at.
#
# It is a manual check, not part of CI (which has no browser). On Debian:
#
#	apt-get install -y chromium
#	sh examples/report/browsercheck.sh [folder]
#
# The outputs, the DOM dumps, the browser's log and report.png go to folder
# (a fresh temporary folder by default). It exits with status 1 if a check
# fails.
set -eu

cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
	echo "browsercheck: no chromium; install it with apt-get install -y chromium" >&2
	exit 2
fi

go run ./examples/report -in examples/quickstart/data/survey.csv -reverse q5 -tz Europe/Berlin \
	-subscriptions examples/quickstart/data/subscriptions.csv -out "$out"
cp "$out/report.html" "$out/report.xhtml"

chrome() {
	profile=$(mktemp -d)
	"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --hide-scrollbars \
		--user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
	rm -rf "$profile"
}

fail=0
for page in report.html report.xhtml; do
	chrome --dump-dom "file://$out/$page" >"$out/$page.dom" 2>"$out/$page.log"
	if grep -q 'CONSOLE' "$out/$page.log"; then
		echo "browsercheck: $page: console messages:" >&2
		grep 'CONSOLE' "$out/$page.log" >&2
		fail=1
	fi
	if grep -q 'parsererror\|This page contains the following errors' "$out/$page.dom"; then
		echo "browsercheck: $page: the browser could not parse the page" >&2
		fail=1
	fi
	charts=$(grep -o '<svg ' "$out/$page.dom" | wc -l)
	if [ "$charts" -ne 7 ]; then
		echo "browsercheck: $page: $charts charts in the rendered page, want 7" >&2
		fail=1
	fi
	if ! grep -q 'Rejected rows' "$out/$page.dom"; then
		echo "browsercheck: $page: the rendered page lacks its last section" >&2
		fail=1
	fi
done

chrome --window-size=1100,7200 --screenshot="$out/report.png" "file://$out/report.html" >/dev/null 2>&1
if [ $fail -eq 0 ]; then
	echo "browsercheck: report.html and report.xhtml render with 7 charts and no console message; screenshot in $out/report.png"
fi
exit $fail
