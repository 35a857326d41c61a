#!/bin/sh
# Sample SMS gateway program for `sms-provider = command`.
#
# yanxiud runs it directly (never through a shell) with two arguments:
#   $1  the phone number in E.164 form, e.g. +8615900006962
#   $2  the message text (UTF-8), which contains the code
# Exit 0 when the gateway accepted the message; any other status makes sms.requestCode
# answer 503 sms.delivery_failed and withdraws the code.
#
# With SMS_GATEWAY_URL set it posts the message there as JSON (adapt to your provider's API);
# otherwise it appends a line to SMS_SPOOL (default /var/lib/yanxiu/sms-spool.log), which is
# handy for trying the command provider without a gateway.
set -eu
phone=$1
text=$2
if [ -n "${SMS_GATEWAY_URL:-}" ]; then
    # printf %s never interprets the message; jq-free JSON escaping of quotes and backslashes.
    escaped=$(printf '%s' "$text" | sed 's/\\/\\\\/g; s/"/\\"/g')
    exec curl --fail --silent --show-error --max-time 8 \
        -H 'Content-Type: application/json' \
        --data-binary "{\"to\":\"$phone\",\"text\":\"$escaped\"}" \
        "$SMS_GATEWAY_URL"
fi
spool=${SMS_SPOOL:-/var/lib/yanxiu/sms-spool.log}
printf '%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$phone" "$text" >> "$spool"
