package io.orgscan.report.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Analyzer;
import io.orgscan.model.AnalyzerStatus;
import io.orgscan.model.AnalyzerType;
import io.orgscan.model.AwsNames;
import io.orgscan.model.Cell;
import io.orgscan.model.CellKey;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.CoveragePolicy;
import io.orgscan.model.Disposition;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.model.ErrorRecord;
import io.orgscan.model.Failure;
import io.orgscan.model.Observations;
import io.orgscan.model.Parameter;
import io.orgscan.model.ParameterSource;
import io.orgscan.model.Reason;
import io.orgscan.model.RegionOptStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ServiceControlPolicy;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * scan.json schema version 1, as records: one record per JSON object, its field names and order
 * fixed by annotations (never by reflection order). Every field is always written, {@code null} when
 * it has no value; when read, a field that may be null may also be left out, any other field must be
 * present and not null. Enum values are kept as strings here
 * and checked on the way to the model, so that a bad value gets a message naming the field. The
 * document's top level ({@code schema_version}, {@code scan}, {@code accounts}, {@code regions},
 * {@code cells}, {@code errors}) is streamed by {@link ScanJson} so memory stays flat.
 */
final class ScanJsonSchema {
    static final int VERSION = 1;

    static final String SCHEMA_VERSION = "schema_version";
    static final String SCAN = "scan";
    static final String ACCOUNTS = "accounts";
    static final String REGIONS = "regions";
    static final String CELLS = "cells";
    static final String ERRORS = "errors";
    static final String OBSERVATIONS = "observations";
    static final String EXCEPTION_REGISTER = "exception_register";
    /**
     * Top-level fields in the order they are written ({@code observations} may be absent when read: an
     * older file; {@code exception_register} is written only when the scan or render had a register).
     */
    static final List<String> TOP_LEVEL = List.of(SCHEMA_VERSION, SCAN, ACCOUNTS, REGIONS, CELLS, ERRORS, OBSERVATIONS,
            EXCEPTION_REGISTER);

    private ScanJsonSchema() {
    }

    @JsonPropertyOrder({"scan_id", "started_at", "finished_at", "caller_arn", "caller_account_id", "organization_id",
            "management_account_id", "delegated_administrator_id", "partition", "policy", "tool_name", "tool_version",
            "parameters", "service_control_policies"})
    record MetadataJson(
            @JsonProperty("scan_id") String scanId,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("finished_at") String finishedAt,
            @JsonProperty("caller_arn") String callerArn,
            @JsonProperty("caller_account_id") String callerAccountId,
            @JsonProperty("organization_id") String organizationId,
            @JsonProperty("management_account_id") String managementAccountId,
            @JsonProperty("delegated_administrator_id") String delegatedAdministratorId,
            @JsonProperty("partition") String partition,
            @JsonProperty("policy") String policy,
            @JsonProperty("tool_name") String toolName,
            @JsonProperty("tool_version") String toolVersion,
            @JsonProperty("parameters") List<ParameterJson> parameters,
            @JsonProperty("service_control_policies") List<PolicyJson> serviceControlPolicies) {

        static MetadataJson of(ScanMetadata m) {
            return new MetadataJson(m.scanId(), m.startedAt().toString(), m.finishedAt().toString(), m.callerArn(),
                    m.callerAccountId(), m.organizationId(), m.managementAccountId(), m.delegatedAdministratorId(),
                    m.partition(), m.policy().name(), m.toolName(), m.toolVersion(),
                    m.parameters().stream().map(ParameterJson::of).toList(),
                    m.serviceControlPolicies() == null ? null
                            : m.serviceControlPolicies().stream().map(PolicyJson::of).toList());
        }

        ScanMetadata toModel() {
            return new ScanMetadata(
                    required(scanId, "scan_id"),
                    instant(startedAt, "started_at"),
                    instant(finishedAt, "finished_at"),
                    required(callerArn, "caller_arn"),
                    validAccountId(callerAccountId, "caller_account_id"),
                    required(organizationId, "organization_id"),
                    validAccountId(managementAccountId, "management_account_id"),
                    delegatedAdministratorId == null ? null
                            : validAccountId(delegatedAdministratorId, "delegated_administrator_id"),
                    required(partition, "partition"),
                    enumValue(CoveragePolicy.class, policy, "policy"),
                    required(toolName, "tool_name"),
                    required(toolVersion, "tool_version"),
                    list(parameters, "parameters", ParameterJson::toModel),
                    serviceControlPolicies == null ? null
                            : list(serviceControlPolicies, "service_control_policies", PolicyJson::toModel));
        }
    }

    /** A service control policy the scan read; the list is null when it read none. */
    @JsonPropertyOrder({"policy_id", "name", "content_sha256", "region_deny_sids", "target_ids"})
    record PolicyJson(
            @JsonProperty("policy_id") String policyId,
            @JsonProperty("name") String name,
            @JsonProperty("content_sha256") String contentSha256,
            @JsonProperty("region_deny_sids") List<String> regionDenySids,
            @JsonProperty("target_ids") List<String> targetIds) {

        static PolicyJson of(ServiceControlPolicy p) {
            return new PolicyJson(p.id(), p.name(), p.sha256(), p.regionDenySids(), p.targets());
        }

        ServiceControlPolicy toModel() {
            return new ServiceControlPolicy(required(policyId, "policy_id"), required(name, "name"),
                    required(contentSha256, "content_sha256"), required(regionDenySids, "region_deny_sids"),
                    required(targetIds, "target_ids"));
        }
    }

    @JsonPropertyOrder({"name", "value", "source"})
    record ParameterJson(
            @JsonProperty("name") String name,
            @JsonProperty("value") String value,
            @JsonProperty("source") String source) {

        static ParameterJson of(Parameter p) {
            return new ParameterJson(p.name(), p.value(), p.source().name());
        }

        Parameter toModel() {
            return new Parameter(required(name, "name"), required(value, "value"),
                    enumValue(ParameterSource.class, source, "source"));
        }
    }

    @JsonPropertyOrder({"account_id", "name", "email", "state", "ou_path", "management", "delegated_administrator"})
    record AccountJson(
            @JsonProperty("account_id") String accountId,
            @JsonProperty("name") String name,
            @JsonProperty("email") String email,
            @JsonProperty("state") String state,
            @JsonProperty("ou_path") String ouPath,
            @JsonProperty("management") Boolean management,
            @JsonProperty("delegated_administrator") Boolean delegatedAdministrator) {

        static AccountJson of(AccountRef a) {
            return new AccountJson(a.id(), a.name(), a.email(), a.state().name(), a.ouPath(), a.management(),
                    a.delegatedAdministrator());
        }

        AccountRef toModel() {
            return new AccountRef(
                    validAccountId(accountId, "account_id"),
                    required(name, "name"),
                    required(email, "email"),
                    enumValue(AccountState.class, state, "state"),
                    required(ouPath, "ou_path"),
                    required(management, "management"),
                    required(delegatedAdministrator, "delegated_administrator"));
        }
    }

    @JsonPropertyOrder({"account_id", "region", "region_opt_status", "status", "reason", "detail", "analyzers",
            "covered_by_arn", "failure"})
    record CellJson(
            @JsonProperty("account_id") String accountId,
            @JsonProperty("region") String region,
            @JsonProperty("region_opt_status") String regionOptStatus,
            @JsonProperty("status") String status,
            @JsonProperty("reason") String reason,
            @JsonProperty("detail") String detail,
            @JsonProperty("analyzers") List<AnalyzerJson> analyzers,
            @JsonProperty("covered_by_arn") String coveredByArn,
            @JsonProperty("failure") FailureJson failure) {

        static CellJson of(Cell c) {
            return new CellJson(c.key().accountId(), c.key().region(), c.regionOptStatus().awsValue(),
                    c.status().name(), c.reason().name(), c.detail(),
                    c.analyzers().stream().map(AnalyzerJson::of).toList(),
                    c.coveredByArn(), c.failure() == null ? null : FailureJson.of(c.failure()));
        }

        Cell toModel() {
            CellKey key = new CellKey(validAccountId(accountId, "account_id"), validRegion(region, "region"));
            RegionOptStatus optStatus = regionOptStatus(regionOptStatus);
            ComplianceStatus statusValue = enumValue(ComplianceStatus.class, status, "status");
            Reason reasonValue = enumValue(Reason.class, reason, "reason");
            if (reasonValue.status() != statusValue) {
                throw new InvalidValue("status", "status " + statusValue + " does not go with reason " + reasonValue
                        + " (whose status is " + reasonValue.status() + ")");
            }
            List<Analyzer> analyzerList = list(analyzers, "analyzers", AnalyzerJson::toModel);
            Failure failureValue = failure == null ? null : nested("failure", failure::toModel);
            return new Cell(key, optStatus, reasonValue, required(detail, "detail"), analyzerList, coveredByArn,
                    failureValue);
        }

        static RegionOptStatus regionOptStatus(String value) {
            required(value, "region_opt_status");
            return Arrays.stream(RegionOptStatus.values())
                    .filter(s -> s.awsValue().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new InvalidValue("region_opt_status", "unknown value \"" + value
                            + "\", expected one of " + Arrays.stream(RegionOptStatus.values())
                            .map(RegionOptStatus::awsValue).collect(Collectors.joining(", "))));
        }
    }

    @JsonPropertyOrder({"arn", "name", "type", "status", "status_reason"})
    record AnalyzerJson(
            @JsonProperty("arn") String arn,
            @JsonProperty("name") String name,
            @JsonProperty("type") String type,
            @JsonProperty("status") String status,
            @JsonProperty("status_reason") String statusReason) {

        static AnalyzerJson of(Analyzer a) {
            return new AnalyzerJson(a.arn(), a.name(), a.type().name(), a.status().name(), a.statusReason());
        }

        Analyzer toModel() {
            String arnValue = required(arn, "arn");
            String nameValue = required(name, "name");
            AnalyzerType typeValue = enumValue(AnalyzerType.class, type, "type");
            AnalyzerStatus statusValue = enumValue(AnalyzerStatus.class, status, "status");
            return field("arn", () -> new Analyzer(arnValue, nameValue, typeValue, statusValue, statusReason));
        }
    }

    @JsonPropertyOrder({"operation", "error_code", "message", "attempts"})
    record FailureJson(
            @JsonProperty("operation") String operation,
            @JsonProperty("error_code") String errorCode,
            @JsonProperty("message") String message,
            @JsonProperty("attempts") Integer attempts) {

        static FailureJson of(Failure f) {
            return new FailureJson(f.operation(), f.errorCode(), f.message(), f.attempts());
        }

        Failure toModel() {
            return new Failure(required(operation, "operation"), required(errorCode, "error_code"),
                    required(message, "message"), required(attempts, "attempts"));
        }
    }

    @JsonPropertyOrder({"account_id", "region", "failure"})
    record ErrorJson(
            @JsonProperty("account_id") String accountId,
            @JsonProperty("region") String region,
            @JsonProperty("failure") FailureJson failure) {

        static ErrorJson of(ErrorRecord e) {
            return new ErrorJson(e.accountId(), e.region(), FailureJson.of(e.failure()));
        }

        ErrorRecord toModel() {
            String account = accountId == null ? null : validAccountId(accountId, "account_id");
            String regionName = region == null ? null : validRegion(region, "region");
            Failure failureValue = nested("failure", () -> required(failure, "").toModel());
            return new ErrorRecord(account, regionName, failureValue);
        }
    }

    @JsonPropertyOrder({"delegated_administrator_lookup_failure", "excluded_regions", "accounts"})
    record ObservationsJson(
            @JsonProperty("delegated_administrator_lookup_failure") FailureJson delegatedAdministratorLookupFailure,
            @JsonProperty("excluded_regions") List<String> excludedRegions,
            @JsonProperty("accounts") List<AccountSeenJson> accounts) {

        static ObservationsJson of(Observations o) {
            return new ObservationsJson(o.delegatedAdministratorFailure() == null ? null
                    : FailureJson.of(o.delegatedAdministratorFailure()), o.excludedRegions(),
                    o.accounts().stream().map(AccountSeenJson::of).toList());
        }

        Observations toModel() {
            Failure lookup = delegatedAdministratorLookupFailure == null ? null
                    : nested("delegated_administrator_lookup_failure", delegatedAdministratorLookupFailure::toModel);
            return new Observations(lookup, list(excludedRegions, "excluded_regions", r -> validRegion(r, "")),
                    list(accounts, "accounts", AccountSeenJson::toModel));
        }
    }

    @JsonPropertyOrder({"account_id", "in_scope", "session_failure", "regions_failure", "region_status", "listings",
            "region_denies"})
    record AccountSeenJson(
            @JsonProperty("account_id") String accountId,
            @JsonProperty("in_scope") Boolean inScope,
            @JsonProperty("session_failure") FailureJson sessionFailure,
            @JsonProperty("regions_failure") FailureJson regionsFailure,
            @JsonProperty("region_status") List<RegionStatusJson> regionStatus,
            @JsonProperty("listings") List<ListingJson> listings,
            @JsonProperty("region_denies") List<RegionDenyJson> regionDenies) {

        static AccountSeenJson of(Observations.AccountSeen a) {
            return new AccountSeenJson(a.accountId(), a.inScope(),
                    a.sessionFailure() == null ? null : FailureJson.of(a.sessionFailure()),
                    a.regionsFailure() == null ? null : FailureJson.of(a.regionsFailure()),
                    a.regionStatus().entrySet().stream().map(e -> new RegionStatusJson(e.getKey(), e.getValue().awsValue())).toList(),
                    a.listings().entrySet().stream().map(e -> ListingJson.of(e.getKey(), e.getValue())).toList(),
                    a.regionDenies().stream().map(RegionDenyJson::of).toList());
        }

        Observations.AccountSeen toModel() {
            String id = validAccountId(accountId, "account_id");
            Map<String, RegionOptStatus> status = new LinkedHashMap<>();
            for (RegionStatusJson entry : list(regionStatus, "region_status", e -> e)) {
                if (status.put(validRegion(entry.region(), "region_status.region"),
                        CellJson.regionOptStatus(entry.optStatus())) != null) {
                    throw new InvalidValue("region_status", "region " + entry.region() + " twice");
                }
            }
            Map<String, Observations.Listing> listed = new LinkedHashMap<>();
            for (ListingJson entry : list(listings, "listings", e -> e)) {
                if (listed.put(validRegion(entry.region(), "listings.region"), nested("listings", entry::toModel)) != null) {
                    throw new InvalidValue("listings", "region " + entry.region() + " twice");
                }
            }
            return new Observations.AccountSeen(id, required(inScope, "in_scope"),
                    sessionFailure == null ? null : nested("session_failure", sessionFailure::toModel),
                    regionsFailure == null ? null : nested("regions_failure", regionsFailure::toModel),
                    status, listed, list(regionDenies, "region_denies", RegionDenyJson::toModel));
        }
    }

    @JsonPropertyOrder({"region", "opt_status"})
    record RegionStatusJson(@JsonProperty("region") String region, @JsonProperty("opt_status") String optStatus) {
    }

    @JsonPropertyOrder({"region", "analyzers", "failure"})
    record ListingJson(
            @JsonProperty("region") String region,
            @JsonProperty("analyzers") List<AnalyzerJson> analyzers,
            @JsonProperty("failure") FailureJson failure) {

        static ListingJson of(String region, Observations.Listing l) {
            return new ListingJson(region, l.analyzers().stream().map(AnalyzerJson::of).toList(),
                    l.failure() == null ? null : FailureJson.of(l.failure()));
        }

        Observations.Listing toModel() {
            return new Observations.Listing(list(analyzers, "analyzers", AnalyzerJson::toModel),
                    failure == null ? null : nested("failure", failure::toModel));
        }
    }

    @JsonPropertyOrder({"policy_id", "sid", "conditions"})
    record RegionDenyJson(
            @JsonProperty("policy_id") String policyId,
            @JsonProperty("sid") String sid,
            @JsonProperty("conditions") List<RegionConditionJson> conditions) {

        static RegionDenyJson of(Observations.RegionDenyStatement d) {
            return new RegionDenyJson(d.policyId(), d.sid(), d.conditions().stream()
                    .map(c -> new RegionConditionJson(c.wildcards(), c.regions())).toList());
        }

        Observations.RegionDenyStatement toModel() {
            return new Observations.RegionDenyStatement(required(policyId, "policy_id"), required(sid, "sid"),
                    list(conditions, "conditions", c -> new Observations.RegionCondition(required(c.wildcards(), "wildcards"),
                            list(c.regions(), "regions", r -> required(r, "")))));
        }
    }

    @JsonPropertyOrder({"wildcards", "regions"})
    record RegionConditionJson(@JsonProperty("wildcards") Boolean wildcards, @JsonProperty("regions") List<String> regions) {
    }

    /** The exceptions register the reports apply: where it came from and its entries. */
    @JsonPropertyOrder({"file_name", "sha256", "entries"})
    record RegisterJson(
            @JsonProperty("file_name") String fileName,
            @JsonProperty("sha256") String sha256,
            @JsonProperty("entries") List<EntryJson> entries) {

        static RegisterJson of(ExceptionRegister r) {
            return new RegisterJson(r.fileName(), r.sha256(), r.entries().stream().map(EntryJson::of).toList());
        }

        ExceptionRegister toModel() {
            String name = required(fileName, "file_name");
            String hash = required(sha256, "sha256");
            List<ExceptionEntry> list = list(entries, "entries", EntryJson::toModel);
            return field("entries", () -> new ExceptionRegister(name, hash, list));
        }
    }

    /** One entry: {@code finding_id}, or {@code account_id} and {@code region} patterns; the others null. */
    @JsonPropertyOrder({"row", "finding_id", "account_id", "region", "disposition", "owner", "approver",
            "justification", "ticket", "expires"})
    record EntryJson(
            @JsonProperty("row") Integer row,
            @JsonProperty("finding_id") String findingId,
            @JsonProperty("account_id") String accountId,
            @JsonProperty("region") String region,
            @JsonProperty("disposition") String disposition,
            @JsonProperty("owner") String owner,
            @JsonProperty("approver") String approver,
            @JsonProperty("justification") String justification,
            @JsonProperty("ticket") String ticket,
            @JsonProperty("expires") String expires) {

        static EntryJson of(ExceptionEntry e) {
            return new EntryJson(e.row(), e.findingId(), e.accountPattern(), e.regionPattern(), e.disposition().name(),
                    e.owner(), e.approver(), e.justification(), e.ticket(),
                    e.expires() == null ? null : e.expires().toString());
        }

        ExceptionEntry toModel() {
            int rowValue = required(row, "row");
            Disposition dispositionValue = enumValue(Disposition.class, disposition, "disposition");
            LocalDate expiresValue = expires == null ? null : field("expires", () -> LocalDate.parse(expires));
            return field("", () -> new ExceptionEntry(rowValue, findingId, accountId, region, dispositionValue,
                    required(owner, "owner"), required(approver, "approver"), required(justification, "justification"),
                    required(ticket, "ticket"), expiresValue));
        }
    }

    /**
     * A value the model cannot take, with the path of the field inside the entry being read
     * (e.g. {@code analyzers[0].type}); {@link ScanJson} adds the file and the entry.
     */
    static final class InvalidValue extends RuntimeException {
        private final String path;
        private final String problem;

        InvalidValue(String path, String problem) {
            super(path.isEmpty() ? problem : path + ": " + problem);
            this.path = path;
            this.problem = problem;
        }

        String path() {
            return path;
        }

        String problem() {
            return problem;
        }

        InvalidValue under(String outer) {
            String joined = path.isEmpty() ? outer : path.startsWith("[") ? outer + path : outer + "." + path;
            InvalidValue moved = new InvalidValue(joined, problem);
            moved.initCause(this);
            return moved;
        }
    }

    /** Converts the nested object at {@code path}, prefixing the path of any problem inside it. */
    static <T> T nested(String path, Supplier<T> body) {
        try {
            return body.get();
        } catch (InvalidValue e) {
            throw e.under(path);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValue(path, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Runs {@code body}, which checks the one field {@code path}, reporting a model rule it breaks
     * (an IllegalArgumentException from a validating constructor) as a problem of that field.
     */
    static <T> T field(String path, Supplier<T> body) {
        try {
            return body.get();
        } catch (InvalidValue e) {
            throw e.path.isEmpty() ? new InvalidValue(path, e.problem) : e;
        } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
            throw new InvalidValue(path, String.valueOf(e.getMessage()));
        }
    }

    static <T> T required(T value, String name) {
        if (value == null) {
            throw new InvalidValue(name, "missing or null");
        }
        return value;
    }

    static String validAccountId(String value, String name) {
        required(value, name);
        return field(name, () -> AwsNames.requireAccountId(value));
    }

    static String validRegion(String value, String name) {
        required(value, name);
        return field(name, () -> AwsNames.requireRegion(value));
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        required(value, name);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidValue(name, "unknown value \"" + value + "\", expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    static Instant instant(String value, String name) {
        required(value, name);
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidValue(name, "not an ISO-8601 UTC time such as 2025-09-30T22:00:05Z: \"" + value + "\"");
        }
    }

    static <J, M> List<M> list(List<J> values, String name, Function<J, M> convert) {
        required(values, name);
        List<M> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            J value = values.get(i);
            String path = name + "[" + i + "]";
            if (value == null) {
                throw new InvalidValue(path, "null entry");
            }
            try {
                out.add(convert.apply(value));
            } catch (InvalidValue e) {
                throw e.under(path);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidValue(path, String.valueOf(e.getMessage()));
            }
        }
        return out;
    }
}
