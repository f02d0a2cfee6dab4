#!/usr/bin/env bash
# The manual procedure, done for a whole organization with the AWS CLI, one call after another:
# the audit procedure of the CIS AWS Foundations control "Ensure that IAM Access analyzer is enabled
# for all regions" (`aws accessanalyzer list-analyzers` in each region) repeated in every account.
#
#   list the ACTIVE accounts (Organizations, from the management account)
#   for each account: assume a role in it (the account the script runs from uses its own keys),
#                     list its enabled regions (EC2 DescribeRegions),
#                     list the analyzers in each of them (Access Analyzer ListAnalyzers)
#
# Prints one line per account and region: ACCOUNT REGION followed by the analyzers as
# name/type/status (none: "-"). The benchmark compares its time with `orgscan scan`.
#
# Environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (management account), AWS_REGION;
# optional AWS (the CLI, default aws), ENDPOINT_URL (passed as --endpoint-url), ROLE_NAME
# (default OrganizationAccountAccessRole).
set -euo pipefail

AWS=${AWS:-aws}
ROLE_NAME=${ROLE_NAME:-OrganizationAccountAccessRole}
endpoint=()
if [[ -n "${ENDPOINT_URL:-}" ]]; then
  endpoint=(--endpoint-url "$ENDPOINT_URL")
fi
aws_() { "$AWS" "${endpoint[@]}" "$@"; }

base_key=$AWS_ACCESS_KEY_ID
base_secret=$AWS_SECRET_ACCESS_KEY
self=$(aws_ sts get-caller-identity --query Account --output text)
accounts=$(aws_ organizations list-accounts --query "Accounts[?Status=='ACTIVE'].Id" --output text)

for account in $accounts; do
  if [[ "$account" == "$self" ]]; then
    key=$base_key secret=$base_secret token=""
  else
    read -r key secret token < <(aws_ sts assume-role \
      --role-arn "arn:aws:iam::${account}:role/${ROLE_NAME}" --role-session-name cis-audit \
      --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)
  fi
  as_member() {
    AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token aws_ "$@"
  }
  regions=$(as_member ec2 describe-regions --query 'Regions[].RegionName' --output text)
  for region in $regions; do
    analyzers=$(as_member accessanalyzer list-analyzers --region "$region" \
      --query "analyzers[].join('/', [name, type, status])" --output text)
    echo "$account $region ${analyzers:--}"
  done
done
