package dev.stageport.deployments;

import dev.stageport.dependencies.BreakingDeploys;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage.Severity;
import dev.stageport.identity.Caller;
import dev.stageport.policy.ApprovalService;
import dev.stageport.policy.FreezeWindowService;
import dev.stageport.policy.PromotionRules;
import dev.stageport.policy.StagePolicy;
import dev.stageport.policy.StagePolicyRepository;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stage policy's checks of a new operation, before it is recorded: freeze windows (every
 * operation), promotion rules and breaking deploys (Deploy). What they let through is applied
 * in the transaction that records it: the override's first message, the approval a Deploy waits for.
 */
@Component
class ReleaseSafetyChecks {

    private final StagePolicyRepository policies;
    private final BreakingDeploys breakingDeploys;
    private final PromotionRules promotion;
    private final FreezeWindowService freezes;
    private final ApprovalService approvals;
    private final MessageRepository messages;

    ReleaseSafetyChecks(StagePolicyRepository policies, BreakingDeploys breakingDeploys, PromotionRules promotion,
                        FreezeWindowService freezes, ApprovalService approvals, MessageRepository messages) {
        this.policies = policies;
        this.breakingDeploys = breakingDeploys;
        this.promotion = promotion;
        this.freezes = freezes;
        this.approvals = approvals;
        this.messages = messages;
    }

    /**
     * A request's checks ran in the transaction of its insert, but the stage blocks breaking deploys:
     * the deployment analysis a refusal links to must be committed even though the refused request's
     * transaction is not, so the caller runs the checks again outside a transaction.
     */
    static final class AnalysisFirst extends RuntimeException {
        AnalysisFirst() {
            super("the checks write a deployment analysis", null, false, false);
        }
    }

    /** What the checks decided; {@link #recorded} applies it. */
    record Admission(StagePolicy policy, Optional<FreezeWindowService.Override> override) {
    }

    /**
     * @param caller         null for an operation the server starts itself (a publish's Deploy)
     * @param freezeOverride the reason of a Stageport-Freeze-Override header, or null
     */
    Admission admit(Caller caller, String freezeOverride, DeploymentOperationsType operation, String assetKey,
                    int revision, String envKey, String requestedBy, Instant now) {
        StagePolicy policy = policies.find(envKey);
        Optional<FreezeWindowService.Override> override = freezes.refuseIfFrozen(caller, envKey, freezeOverride, now);
        if (operation == DeploymentOperationsType.Deploy) {
            promotion.refuseIfBroken(policy, assetKey, revision, now);
            if (policy.blocksBreakingDeploys()) {
                if (caller != null && TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw new AnalysisFirst();
                }
                breakingDeploys.refuseIfBreaking(assetKey, revision, envKey, requestedBy);
            }
        }
        return new Admission(policy, override);
    }

    /** Call it in the transaction that inserts {@code op}. */
    void recorded(Admission admission, DeploymentOperation op) {
        admission.override().ifPresent(o -> {
            messages.record(op.key(), op.startedAt(), "FreezeOverridden", Severity.Warning, o.message(),
                    DeploymentStep.Validate.name(), op.assetKey());
            freezes.overridden(o, op.key(), op.startedAt());
        });
        if (op.operation() == DeploymentOperationsType.Deploy && admission.policy().requiresApproval()) {
            approvals.open(op.key(), op.environmentKey(), op.assetKey(), op.revision(), op.deployedBy(),
                    admission.policy(), op.startedAt());
        }
    }
}
