#!/bin/sh
# Sample SMS gateway program for `sms-provider = command`.
#
# yanxiud runs it directly (never through a shell) with one argument:
#   $1  the phone number in E.164 form, e.g. +8615900006962
# and the message text (UTF-8, one line ended by a newline), which contains the code, on
# standard input: never on the command line, where every local user could read it in /proc.
# Exit 0 when the gateway accepted the message; any other status makes sms.requestCode
# answer 503 sms.delivery_failed and withdraws the code.
#
# With SMS_GATEWAY_URL set it posts the message there as JSON (adapt to your provider's API);
# otherwise it appends a line to SMS_SPOOL (default /var/lib/yanxiu/sms-spool.log), which is
# handy for trying the command provider without a gateway.
set -eu
phone=$1
text=$(cat)
if [ -n "${SMS_GATEWAY_URL:-}" ]; then
    # printf %s never interprets the message; jq-free JSON escaping of quotes and backslashes.
    # The request body goes to curl on its standard input, so the code stays off its command line too.
    escaped=$(printf '%s' "$text" | sed 's/\\/\\\\/g; s/"/\\"/g')
    printf '{"to":"%s","text":"%s"}' "$phone" "$escaped" | curl --fail --silent --show-error --max-time 8 \
        -H 'Content-Type: application/json' --data-binary @- "$SMS_GATEWAY_URL"
    exit 0
fi
spool=${SMS_SPOOL:-/var/lib/yanxiu/sms-spool.log}
printf '%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$phone" "$text" >> "$spool"
