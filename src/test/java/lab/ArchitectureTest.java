package lab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The picture the layout draws stays true: the business modules know nothing of how they
 * are run, the demo processes never load Spring, the control plane does not reach into
 * the pages, the fleet's parts stack up without a loop, and no two packages depend on
 * each other.
 */
class ArchitectureTest {

	/**
	 * Production classes only, wherever the build puts its test classes, and not the
	 * classes Spring's AOT engine generates at package time (bean definitions that name
	 * every package, and configuration proxies), which a build without {@code clean}
	 * leaves beside the code.
	 */
	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(location -> !location.contains("/test-classes/") && !location.contains("__")
				&& !location.contains("$$SpringCGLIB$$"))
		.importPackages("lab");

	@Test
	void businessModulesDependOnNothingThatRunsThem() {
		noClasses().that()
			.resideInAPackage("lab.business..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.chassis..", "lab.monolith..", "lab.fleet..", "lab.site..", "lab.system..",
					"lab.content..", "lab.classroom..", "org.springframework..")
			.check(this.classes);
	}

	@Test
	void demoProcessesNeverLoadSpring() {
		noClasses().that()
			.resideInAnyPackage("lab.chassis..", "lab.monolith..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "lab.fleet..", "lab.site..", "lab.system..", "lab.content..",
					"lab.classroom..")
			.check(this.classes);
	}

	/**
	 * The demo processes start from their own main class, and nothing they load reaches
	 * the site's.
	 */
	@Test
	void demoProcessesNeverTouchTheSitesApplicationClass() {
		noClasses().that()
			.resideInAnyPackage("lab.chassis..", "lab.monolith..", "lab.business..")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(MicroservicesLabApplication.class)
			.check(this.classes);
	}

	@Test
	void theControlPlaneDoesNotReachIntoThePages() {
		noClasses().that()
			.resideInAPackage("lab.fleet..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.site..", "lab.content..", "lab.classroom..", "lab.walkthrough..", "lab.classes..")
			.check(this.classes);
	}

	/**
	 * Security knows addresses, not the pages or the fleet behind them, so either can
	 * change freely (it may name a language: {@code lab.content.Lang} is everyone's).
	 */
	@Test
	void theClassroomKnowsNoPagesAndNoFleet() {
		noClasses().that()
			.resideInAPackage("lab.classroom..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.site..", "lab.fleet..", "lab.chassis..", "lab.business..", "lab.monolith..")
			.check(this.classes);
	}

	/**
	 * Pages learn who may operate from their model ({@code canOperate}), never from
	 * security classes.
	 */
	@Test
	void pagesReachTheClassroomOnlyThroughTheirModel() {
		noClasses().that()
			.resideOutsideOfPackage("lab.classroom..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("lab.classroom..")
			.check(this.classes);
	}

	@Test
	void theContentPipelineKnowsNoPagesAndNoFleet() {
		noClasses().that()
			.resideInAPackage("lab.content..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.site..", "lab.fleet..", "lab.chassis..", "lab.classroom..", "lab.walkthrough..",
					"lab.classes..")
			.check(this.classes);
	}

	/**
	 * Walkthroughs read the fleet's view and the content pipeline; they know nothing of
	 * classes or other pages.
	 */
	@Test
	void walkthroughsKnowNoClassesAndNoOtherPages() {
		noClasses().that()
			.resideInAPackage("lab.walkthrough..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.classes..", "lab.site..", "lab.chassis..", "lab.business..", "lab.monolith..")
			.check(this.classes);
	}

	/**
	 * A class follows a walkthrough and the fleet's view; it never reaches into pages or
	 * processes.
	 */
	@Test
	void classesStayOnTopOfWalkthroughsAndTheFleetsView() {
		noClasses().that()
			.resideInAPackage("lab.classes..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("lab.site..", "lab.chassis..", "lab.business..", "lab.monolith..")
			.check(this.classes);
	}

	/**
	 * How Threads v3 runs (Python, a script from the jar) is known where processes are
	 * launched and supervised, nowhere else: the gateway, the live view and the API see
	 * only a version and a runtime.
	 */
	@Test
	void onlyTheChassisAndTheSupervisorKnowThatThreadsV3IsPython() {
		noClasses().that()
			.resideOutsideOfPackages("lab.chassis..", "lab.fleet.supervisor..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("lab.chassis.PythonThreads")
			.check(this.classes);
	}

	@Test
	void noTwoPartsOfTheSiteDependOnEachOther() {
		slices().matching("lab.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void noTwoPartsOfTheFleetDependOnEachOther() {
		slices().matching("lab.fleet.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	/**
	 * The fleet's parts stack up: the supervisor knows only the shared words (the rollout
	 * strategies plug into it through its {@code Rollout} interface, so nothing calls
	 * them by name); the gateway picks from the supervisor's instances; the load
	 * generator sends through the gateway; the live view reads them all; the JSON API
	 * drives them all. Nothing below reaches up.
	 */
	@Test
	void theFleetsPartsStackUp() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("words")
			.definedBy("lab.fleet")
			.layer("supervisor")
			.definedBy("lab.fleet.supervisor..")
			.layer("rollout")
			.definedBy("lab.fleet.rollout..")
			.layer("gateway")
			.definedBy("lab.fleet.gateway..")
			.layer("load")
			.definedBy("lab.fleet.load..")
			.layer("live")
			.definedBy("lab.fleet.live..")
			.layer("api")
			.definedBy("lab.fleet.api..")
			.whereLayer("api")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("live")
			.mayOnlyBeAccessedByLayers("api")
			.whereLayer("load")
			.mayOnlyBeAccessedByLayers("live", "api")
			.whereLayer("gateway")
			.mayOnlyBeAccessedByLayers("load", "live", "api")
			.whereLayer("rollout")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("supervisor")
			.mayOnlyBeAccessedByLayers("rollout", "gateway", "load", "live", "api")
			.check(this.classes);
	}

}
