package dev.stageport.policy;

import dev.stageport.errors.ApiException;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import dev.stageport.web.Int32NullablePageInfo;
import dev.stageport.web.Keys;
import dev.stageport.web.Paging;
import dev.stageport.work.WorkControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approvals of Deploys to stages whose policy requires them. Seeing one needs Stage &gt; View
 * stage on its stage; deciding needs Release management &gt; Deploy apps there, being one of the
 * policy's approvers when it names them, and not being the requester (who may still reject).
 */
@Service
public class ApprovalService {

    private final ApprovalRepository approvals;
    private final WorkControl work;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ApprovalService(ApprovalRepository approvals, WorkControl work, ApplicationEventPublisher events,
                           TransactionTemplate transactions, Clock clock) {
        this.approvals = approvals;
        this.work = work;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records the approval a new Deploy waits for; call it in the transaction that records the operation. */
    public Approval open(String opKey, String envKey, String assetKey, Integer revision, String requestedBy,
                         StagePolicy policy, Instant now) {
        Instant expires = policy.approvalTimeoutMinutes() == null ? null
                : now.plus(Duration.ofMinutes(policy.approvalTimeoutMinutes()));
        Approval approval = new Approval(UUID.randomUUID().toString(), opKey, envKey, assetKey, revision, requestedBy,
                policy.requiredApprovals(), policy.approvers(), ApprovalStatus.Pending, now, expires, null, List.of());
        approvals.insert(approval);
        events.publishEvent(new ReleaseSafetyEvent.ApprovalRequested(approval.key(), opKey, envKey, assetKey,
                revision, requestedBy, approval.requiredApprovals(), now));
        return approval;
    }

    public ApprovalResponse.ListResponse list(Caller caller, String status, Integer limit, Integer offset) {
        Paging paging = Paging.of(limit, offset);
        ApprovalStatus wanted = status == null || status.isBlank() ? null : status(status);
        List<ApprovalResponse> visible = approvals.list(wanted).stream()
                .filter(a -> caller.can(Permission.STAGE_VIEW, a.environmentKey())).map(ApprovalResponse::of)
                .toList();
        int from = (int) Math.min(visible.size(), (long) paging.offset());
        int to = (int) Math.min(visible.size(), (long) from + paging.limit());
        return new ApprovalResponse.ListResponse(Int32NullablePageInfo.of(paging, to - from, to < visible.size()),
                visible.subList(from, to));
    }

    public ApprovalResponse get(Caller caller, String approvalKey) {
        Approval approval = find(approvalKey);
        caller.requireUnnamed(Permission.STAGE_VIEW, approval.environmentKey(), "the approval " + approval.key());
        return ApprovalResponse.of(approval);
    }

    public ApprovalResponse approve(Caller caller, String approvalKey, DecisionRequest body) {
        return decide(caller, approvalKey, body, Approval.Decision.APPROVE);
    }

    public ApprovalResponse reject(Caller caller, String approvalKey, DecisionRequest body) {
        return decide(caller, approvalKey, body, Approval.Decision.REJECT);
    }

    private ApprovalResponse decide(Caller caller, String approvalKey, DecisionRequest body, String decision) {
        Approval approval = find(approvalKey);
        caller.requireUnnamed(Permission.DEPLOY_APPS, approval.environmentKey(), "the approval " + approval.key());
        String comment = DecisionRequest.comment(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        refuseUndecidable(caller, approval, decision, now);
        boolean moved = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!approvals.addDecision(approval.key(), new Approval.Decision(caller.clientId(), decision, comment,
                    now))) {
                throw ApiException.conflict("You (" + caller.clientId() + ") already decided on the approval "
                        + approval.key() + ".");
            }
            Approval after = find(approval.key());
            ApprovalStatus to = Approval.Decision.REJECT.equals(decision) ? ApprovalStatus.Rejected
                    : after.approvals() >= after.requiredApprovals() ? ApprovalStatus.Approved : ApprovalStatus.Pending;
            if (to != ApprovalStatus.Pending && !approvals.decide(approval.key(), to, now)) {
                tx.setRollbackOnly();
                throw ApiException.conflict("The approval " + approval.key() + " was decided meanwhile ("
                        + find(approval.key()).status() + ").");
            }
            events.publishEvent(new ReleaseSafetyEvent.ApprovalDecided(approval.key(), approval.operationKey(),
                    approval.environmentKey(), caller.clientId(), decision, comment, to, now));
            return to != ApprovalStatus.Pending;
        }));
        if (moved) {
            work.wake(approval.operationKey());
        }
        return ApprovalResponse.of(find(approval.key()));
    }

    private static void refuseUndecidable(Caller caller, Approval approval, String decision, Instant now) {
        if (approval.status().decided()) {
            throw ApiException.conflict("The approval " + approval.key() + " is already " + approval.status()
                    + "; nothing more to decide.");
        }
        if (approval.expiredAt(now)) {
            throw ApiException.conflict("The approval " + approval.key() + " expired at " + approval.expiresAt()
                    + "; the Deploy ends with an error.");
        }
        if (Approval.Decision.APPROVE.equals(decision) && caller.clientId().equals(approval.requestedBy())) {
            throw ApiException.forbidden("'" + caller.clientId() + "' requested this Deploy and cannot approve it; "
                    + approval.whoMustApprove() + " is needed.");
        }
        if (!approver(caller, approval.approvers())) {
            throw ApiException.forbidden("'" + caller.clientId() + "' is not an approver of the approval "
                    + approval.key() + "; " + approval.whoMustApprove() + " is needed.");
        }
    }

    /** What the caller may decide on a pending approval, by the rules {@link #approve} and {@link #reject} apply. */
    public Choices choices(Caller caller, ApprovalResponse approval) {
        if (approval.status().decided() || !caller.can(Permission.DEPLOY_APPS, approval.environmentKey())
                || !approver(caller, approval.approvers())
                || approval.decisions().stream().anyMatch(d -> d.decidedBy().equals(caller.clientId()))) {
            return new Choices(false, false);
        }
        return new Choices(!caller.clientId().equals(approval.requestedBy()), true);
    }

    /** Which decisions a caller may take; the console offers only these buttons. */
    public record Choices(boolean approve, boolean reject) {
    }

    private static boolean approver(Caller caller, List<String> approvers) {
        return approvers == null || approvers.contains(caller.clientId());
    }

    private Approval find(String approvalKey) {
        String key = Keys.parse(approvalKey, "approvalKey").toString();
        return approvals.find(key).orElseThrow(() -> ApiException.notFound("No approval with key " + key + "."));
    }

    private static ApprovalStatus status(String value) {
        return Arrays.stream(ApprovalStatus.values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> ApiException.badRequest("'status' must be one of "
                        + Arrays.toString(ApprovalStatus.values()) + ", got '" + value + "'."));
    }
}
