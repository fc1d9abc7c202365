package dev.stageport.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the engine's AwaitApproval step asks: may this Deploy go on, must it wait (and
 * until when), or must it end? A wait is a snooze of the work item; a decision wakes it.
 */
@Component
public class ApprovalGate {

    /** A wait with no timeout still looks again this often, so nothing depends on a wake-up alone. */
    static final Duration RECHECK = Duration.ofHours(1);

    private final ApprovalRepository approvals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    public ApprovalGate(ApprovalRepository approvals, ApplicationEventPublisher events,
                        TransactionTemplate transactions) {
        this.approvals = approvals;
        this.events = events;
        this.transactions = transactions;
    }

    /** The answer of the gate; {@code text} is for the operation's messages. */
    public sealed interface Verdict {
        /** No approval is needed: the stage had no approval rule when the Deploy was recorded. */
        record None() implements Verdict {
        }

        /** Wait until {@code until}; {@code announce} is the message to write, null once it was written. */
        record Wait(Instant until, String announce) implements Verdict {
        }

        record Go(String text) implements Verdict {
        }

        record Stop(String text) implements Verdict {
        }
    }

    public Verdict check(String opKey, Instant now) {
        Optional<Approval> found = approvals.forOperation(opKey);
        if (found.isEmpty()) {
            return new Verdict.None();
        }
        Approval a = found.get();
        switch (a.status()) {
            case Approved:
                return new Verdict.Go("Approval " + a.key() + " granted: " + a.decisionsText() + ".");
            case Rejected:
                return new Verdict.Stop("Rejected: " + a.decisionsText() + " (approval " + a.key() + ").");
            case Expired:
                return new Verdict.Stop(expired(a));
            default:
                break;
        }
        if (a.expiredAt(now)) {
            if (!expire(a, now, null)) {
                return check(opKey, now); // decided at the same moment: that decision stands
            }
            return new Verdict.Stop(expired(a));
        }
        String announce = approvals.announce(a.key()) ? "Waiting for approval " + a.key() + ": "
                + a.whoMustApprove() + (a.expiresAt() == null ? "; no timeout." : "; it expires at " + a.expiresAt()
                + ".") + " Approve or reject it with POST /api/stageport/v1/approvals/" + a.key() + "/approve or "
                + "/reject." : null;
        Instant recheck = now.plus(RECHECK);
        return new Verdict.Wait(a.expiresAt() != null && a.expiresAt().isBefore(recheck) ? a.expiresAt() : recheck,
                announce);
    }

    /** An operation that ended without its approval (cancelled, out of time) leaves nothing to approve. */
    public void withdraw(String opKey, Instant now, String why) {
        approvals.forOperation(opKey).filter(a -> a.status() == ApprovalStatus.Pending)
                .ifPresent(a -> expire(a, now, why));
    }

    private boolean expire(Approval a, Instant now, String why) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!approvals.decide(a.key(), ApprovalStatus.Expired, now)) {
                return false;
            }
            events.publishEvent(new ReleaseSafetyEvent.ApprovalDecided(a.key(), a.operationKey(),
                    a.environmentKey(), null, null, why, ApprovalStatus.Expired, now));
            return true;
        }));
    }

    private static String expired(Approval a) {
        return "The approval time ran out: approval " + a.key() + " expired at " + a.expiresAt() + " without "
                + a.whoMustApprove() + (a.decisions().isEmpty() ? "." : "; so far " + a.decisionsText() + ".");
    }
}
