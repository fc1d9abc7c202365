package dev.stageport.dependencies;

import dev.stageport.dependencies.api.ApplicationIssue;
import dev.stageport.dependencies.api.ElementIssue;
import dev.stageport.dependencies.api.PublicApplicationReport;
import dev.stageport.dependencies.api.PublicDeploymentAnalysisReport;
import dev.stageport.portfolio.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What deploying one revision to one stage would do to the stage: every consumer
 * deployed there whose referenced elements the revision no longer offers or offers
 * incompatibly, every producer it uses that is not (compatibly) deployed there yet,
 * and another asset of the same name already running there.
 */
@Component
public class DeploymentAnalyzer {

    private final ElementRepository elements;
    private final RevisionCatalog catalog;
    private final ProducerGraph graph;

    DeploymentAnalyzer(ElementRepository elements, RevisionCatalog catalog, ProducerGraph graph) {
        this.elements = elements;
        this.catalog = catalog;
        this.graph = graph;
    }

    public PublicDeploymentAnalysisReport analyze(RevisionInfo target, Stage stage) {
        List<PublicApplicationReport> impacted = new ArrayList<>();
        Map<String, ElementSnapshot> offered = elements.elements(target.assetKey(), target.revision()).stream()
                .collect(Collectors.toMap(e -> e.key().toLowerCase(Locale.ROOT), Function.identity()));
        List<ElementRepository.ConsumerLink> deployed = elements.deployedIn(stage.key());
        for (ElementRepository.ConsumerLink running : deployed) {
            if (running.assetKey().equals(target.assetKey())) {
                continue;
            }
            Optional<RevisionInfo> other = catalog.find(running.assetKey(), running.revision());
            if (other.isEmpty()) {
                continue;
            }
            consumerIssues(other.get(), target, offered).ifPresent(impacted::add);
            if (target.deployable() && other.get().name().equalsIgnoreCase(target.name())) {
                impacted.add(new PublicApplicationReport(running.revision(), other.get().type(), "Deployed", null,
                        List.of(new ApplicationIssue("NameCollision", "Error", "'" + other.get().name()
                                + "' (" + running.assetKey() + ") already runs in " + stage.name()
                                + " under the same name; rename one of them.")), running.assetKey()));
            }
        }
        producerIssues(target, stage, impacted);
        return new PublicDeploymentAnalysisReport(Reports.status(impacted), impacted);
    }

    /** The consumer's references to the target, checked against what the target revision offers. */
    private Optional<PublicApplicationReport> consumerIssues(RevisionInfo consumer, RevisionInfo target,
                                                             Map<String, ElementSnapshot> offered) {
        List<ElementIssue> issues = new ArrayList<>();
        for (ElementRepository.Reference reference : elements.references(consumer.assetKey(), consumer.revision())) {
            if (reference.producerKey().equals(target.assetKey())) {
                issues.addAll(elementIssues(reference.element(), offered, target));
            }
        }
        if (issues.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PublicApplicationReport(consumer.revision(), consumer.type(), "Consumer", issues,
                null, consumer.assetKey()));
    }

    /** Deployable producers anywhere below the target must run in the stage, with what the target uses of them. */
    private void producerIssues(RevisionInfo target, Stage stage, List<PublicApplicationReport> impacted) {
        ProducerGraph.Result all = graph.walk(target, new ProducerGraph.Walk(0, ProducerGraph.TypeFilter.All, null,
                null));
        for (ProducerGraph.Node node : ProducerGraph.flatten(target.assetKey(), all.producers())) {
            RevisionInfo producer = node.info();
            if (!producer.deployable()) {
                continue;
            }
            Optional<Integer> running = elements.deployedRevision(stage.key(), producer.assetKey());
            if (running.isEmpty()) {
                impacted.add(new PublicApplicationReport(producer.revision(), producer.type(), "Producer", null,
                        List.of(new ApplicationIssue("MissingApplication", "Error", "'" + producer.name()
                                + "' is not deployed in " + stage.name() + "; deploy revision "
                                + producer.revision() + " of it there first.")), producer.assetKey()));
                continue;
            }
            if (!node.direct()) {
                continue;
            }
            Map<String, ElementSnapshot> offered = elements.elements(producer.assetKey(), running.get()).stream()
                    .collect(Collectors.toMap(e -> e.key().toLowerCase(Locale.ROOT), Function.identity()));
            List<ElementIssue> issues = new ArrayList<>();
            for (ElementRepository.Reference reference : elements.references(target.assetKey(), target.revision())) {
                if (reference.producerKey().equals(producer.assetKey())) {
                    issues.addAll(elementIssues(reference.element(), offered, producer));
                }
            }
            if (!issues.isEmpty()) {
                impacted.add(new PublicApplicationReport(running.get(), producer.type(), "Producer", issues, null,
                        producer.assetKey()));
            }
        }
    }

    static List<ElementIssue> elementIssues(ElementSnapshot used, Map<String, ElementSnapshot> offered,
                                            RevisionInfo owner) {
        ElementSnapshot now = offered.get(used.key().toLowerCase(Locale.ROOT));
        if (now == null) {
            return List.of(new ElementIssue(used.name(), used.type(), "MissingElement", "Error",
                    Compatibility.missingType(used.type()), "Revision " + owner.revision() + " of '" + owner.name()
                    + "' no longer offers the " + used.type() + " '" + used.name() + "' (key " + used.key() + ")."));
        }
        return Compatibility.compare(used, now).stream()
                .map(f -> new ElementIssue(used.name(), used.type(), "IncompatibleElement", f.severity().name(),
                        f.incompatibilityType(), "In revision " + owner.revision() + " of '" + owner.name() + "': "
                        + f.hint()))
                .toList();
    }
}
