package dev.stageport.policy;

import dev.stageport.identity.ApiClientRepository;
import dev.stageport.identity.Caller;
import dev.stageport.identity.ConsoleUser;
import dev.stageport.identity.ConsoleUserRepository;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.Stage;
import dev.stageport.portfolio.StageRepository;
import dev.stageport.errors.ApiException;
import dev.stageport.web.Keys;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reading a stage's policy needs Stage > View stage on it. Changing it needs Release
 * management > Deploy apps on it, the permission that also changes the stage's runtime
 * settings: whoever may deploy to a stage decides how long its operations may take.
 */
@Service
public class StagePolicyService {

    private static final String CONSOLE_USER = ConsoleUser.callerId("");

    private final StagePolicyRepository policies;
    private final StageRepository stages;
    private final ApiClientRepository clients;
    private final ConsoleUserRepository users;
    private final Clock clock;

    public StagePolicyService(StagePolicyRepository policies, StageRepository stages, ApiClientRepository clients,
                              ConsoleUserRepository users, Clock clock) {
        this.policies = policies;
        this.stages = stages;
        this.clients = clients;
        this.users = users;
        this.clock = clock;
    }

    public StagePolicy get(Caller caller, String environmentKey) {
        Stage stage = stage(caller, environmentKey, Permission.STAGE_VIEW);
        return policies.find(stage.key());
    }

    public StagePolicy put(Caller caller, String environmentKey, StagePolicy body) {
        Stage stage = stage(caller, environmentKey, Permission.DEPLOY_APPS);
        if (body == null) {
            throw ApiException.badRequest("The request body is required, e.g. {\"maxOperationSeconds\": 600}.");
        }
        StagePolicy policy;
        try {
            policy = body.validated();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        policy = withKnownReferences(stage.key(), policy);
        policies.save(stage.key(), policy, caller.clientId(), clock.instant());
        return policy;
    }

    /** Stages in promoteFrom and approvers must exist now; nothing is stored otherwise. */
    private StagePolicy withKnownReferences(String envKey, StagePolicy policy) {
        java.util.List<String> sources = new java.util.ArrayList<>();
        for (String source : policy.promoteFrom() == null ? java.util.List.<String>of() : policy.promoteFrom()) {
            String key;
            try {
                key = UUID.fromString(source.trim()).toString();
            } catch (IllegalArgumentException notAKey) {
                throw ApiException.badRequest("'promoteFrom' must list stage keys, got '" + source + "'.");
            }
            if (key.equals(envKey)) {
                throw ApiException.badRequest("'promoteFrom' names the stage itself (" + key + "); a stage cannot "
                        + "promote from itself.");
            }
            if (stages.find(key).isEmpty()) {
                throw ApiException.badRequest("'promoteFrom' names the stage " + key + ", which does not exist.");
            }
            if (!sources.contains(key)) {
                sources.add(key);
            }
        }
        for (String approver : policy.approvers() == null ? java.util.List.<String>of() : policy.approvers()) {
            requireKnownApprover(approver);
        }
        return new StagePolicy(policy.maxOperationSeconds(), policy.blockBreakingDeploys(), sources,
                policy.minSoakMinutes(), policy.requiredApprovals(), policy.approvers(),
                policy.approvalTimeoutMinutes(), policy.healthGate());
    }

    /** An approver is an API client id or a console user as "user:NAME", the id their decisions carry. */
    private void requireKnownApprover(String approver) {
        if (approver.startsWith(CONSOLE_USER)) {
            if (users.find(approver.substring(CONSOLE_USER.length())).isEmpty()) {
                throw ApiException.badRequest("'approvers' names '" + approver + "', which is not a console user.");
            }
            return;
        }
        if (clients.find(approver).isEmpty()) {
            String hint = users.find(approver).isPresent()
                    ? " A console user is named as '" + ConsoleUser.callerId(approver) + "'." : "";
            throw ApiException.badRequest("'approvers' names '" + approver + "', which is not an API client nor a "
                    + "console user (written 'user:NAME')." + hint);
        }
    }

    private Stage stage(Caller caller, String environmentKey, Permission permission) {
        String key = Keys.parse(environmentKey, "environmentKey").toString();
        Stage stage = stages.find(key).orElseThrow(() -> ApiException.stageNotFound(key));
        caller.require(permission, stage.key());
        return stage;
    }
}
