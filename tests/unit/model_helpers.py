"""A draft with a fifth level, as a project leader would write it: its texts are typed here.

The source announces five levels and describes four; nothing in the product invents the fifth. These
texts are test data, not a proposal for the model.
"""

from __future__ import annotations

from dataclasses import replace

from model.handling_model import Condition, HandlingModel, Measure, Strength, load_model
from model.model_edit import add_level, with_level

LEVEL_5_TITLE = "Testniveau 5: ofret er i akut krise"
LEVEL_5_REASON = "Trusler, og billedet er delt offentligt"


def fifth_level_draft(parent: HandlingModel | None = None) -> HandlingModel:
    """The parent (2018 by default) with a fifth level, its indicator and measures."""
    parent = parent or load_model("2018")
    draft = add_level(parent, LEVEL_5_TITLE, "Testbillede: et billede af ofret, delt offentligt.",
                      "Testhjælp: politiet og ressourcepersonerne handler samme dag.",
                      "Testvarighed: en længere periode.", offence="Testkrænkelse: trusler.")
    labels = parent.measure_labels()
    level = replace(
        draft.level(5), police_decide_deletion=True,
        indicators=(Condition(LEVEL_5_REASON, (("threats", True), ("spread", ("public",))),
                              "tolkning"),),
        measures=(
            Measure("police_report", "Testtekst: politianmeld samme dag", Strength.MUST,
                    labels["police_report"], secures_evidence=True, due_months=0),
            Measure("contact_police_resource_person", "Testtekst: aftal sletning med politiet",
                    Strength.MUST, labels["contact_police_resource_person"],
                    secures_evidence=True, due_months=0),
            Measure("takedown_request", "Testtekst: bed platformene fjerne billederne",
                    Strength.MUST, labels["takedown_request"], deletes_images=True, due_months=0),
            Measure("psychologist_lawyer", "Testtekst: tilbyd psykolog", Strength.SHOULD_CONSIDER,
                    labels["psychologist_lawyer"]),
        ))
    return with_level(draft, level)
