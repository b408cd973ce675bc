"""--max-memory: a projection that would not fit is refused before it is allocated."""
import pytest

IDEA = "data/collaborations/idea_call_2021"


@pytest.mark.parametrize("command", [["metrics", "--measure", "degree"], ["communities", "--method", "louvain", "--seed", "1"],
                                     ["backbone", "--method", "disparity"], ["draw", "--layout", "sfdp"]])
def test_refused_with_the_sizes_and_what_to_do(cli, repo, tmp_path, command):
    out = tmp_path / ("out.svg" if command[0] == "draw" else "out.csv")
    r = cli(command[0], repo / IDEA, *command[1:], "--level", "actor", "--max-memory", "40K", "--out", out)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[-1] == (
        "alueverkko: error: projection too large: 164 vertices and 826 edges need about 47.7 KiB while projecting, "
        "above the limit of 40.0 KiB; raise the limit, select fewer memberships, or keep fewer edges (min_weight, top_k)")
    assert not out.exists()


def test_the_largest_network_alone_can_refuse(cli, repo):
    r = cli("metrics", repo / IDEA, "--level", "actor", "--measure", "degree", "--max-memory", "1K")
    assert r.returncode == 1
    assert "164 vertices and at least 153 edges need about 16.2 KiB" in r.stderr  # C(18, 2): the largest proposal's actors


@pytest.mark.parametrize("size", ["100K", "1M", "8G", "0", "physical", "123456789"])
def test_sizes_that_fit(cli, repo, size):
    r = cli("metrics", repo / IDEA, "--level", "actor", "--measure", "degree", "--max-memory", size, "-q")
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 165


@pytest.mark.parametrize("size", ["10X", "-1", "1.5G", "G", "", "99999999999T", "1 G"])
def test_bad_sizes_are_usage_errors(cli, repo, size):
    r = cli("metrics", repo / IDEA, "--measure", "degree", "--max-memory", size)
    assert r.returncode == 2
    assert "--max-memory: expected a size such as 512M, 8G, 0 (no limit) or physical" in r.stderr
